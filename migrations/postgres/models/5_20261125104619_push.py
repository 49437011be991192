from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "push_broadcasts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "event_id" VARCHAR(64) NOT NULL UNIQUE,
    "title" VARCHAR(64) NOT NULL,
    "content" VARCHAR(200) NOT NULL,
    "audience" VARCHAR(80) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "cursor" VARCHAR(64) NOT NULL,
    "total" INT NOT NULL,
    "fanned_out" INT NOT NULL
);
COMMENT ON COLUMN "push_broadcasts"."status" IS 'RUNNING: running\nDONE: done';
COMMENT ON TABLE "push_broadcasts" IS '群发通知 — a notice fanned out to followers in chunks; ``cursor`` makes it resumable.';
        CREATE TABLE IF NOT EXISTS "push_deliveries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "event_id" VARCHAR(64) NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "recipient" VARCHAR(80) NOT NULL,
    "openid" VARCHAR(64),
    "channel" VARCHAR(16),
    "template_id" VARCHAR(128),
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "msgid" BIGINT,
    "error" VARCHAR(255),
    "content" JSONB NOT NULL,
    "page" VARCHAR(255),
    "requeues" INT NOT NULL,
    "user_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_push_delive_event_i_2fcd9a" UNIQUE ("event_id", "recipient")
);
CREATE INDEX IF NOT EXISTS "idx_push_delive_event_i_1c8629" ON "push_deliveries" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_push_delive_status_5096cd" ON "push_deliveries" ("status");
CREATE INDEX IF NOT EXISTS "idx_push_delive_msgid_d37d19" ON "push_deliveries" ("msgid");
COMMENT ON COLUMN "push_deliveries"."status" IS 'PENDING: pending\nSENDING: sending\nRETRYING: retrying\nSENT: sent\nDELIVERED: delivered\nFAILED: failed\nUNDELIVERABLE: undeliverable\nDEAD_LETTER: dead_letter';
COMMENT ON TABLE "push_deliveries" IS '消息投递记录 — one event to one recipient: channel, attempts, msgid, status, error.';
        CREATE TABLE IF NOT EXISTS "push_topic_follows" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "topic" VARCHAR(80) NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_topic__user_id_cf4304" UNIQUE ("user_id", "topic")
);
COMMENT ON TABLE "push_topic_follows" IS '关注的事项或大厅 — a resident follows a service item or hall to get its notices.';
        CREATE TABLE IF NOT EXISTS "push_oa_followers" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "openid" VARCHAR(64) NOT NULL UNIQUE,
    "subscribed" BOOL NOT NULL,
    "subscribed_at" TIMESTAMPTZ,
    "unsubscribed_at" TIMESTAMPTZ,
    "user_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_push_oa_fol_subscri_44b985" ON "push_oa_followers" ("subscribed");
COMMENT ON TABLE "push_oa_followers" IS '公众号关注者 — an OA openid that follows (or followed) the account; user when known.';
        CREATE TABLE IF NOT EXISTS "push_subscription_grants" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "template_id" VARCHAR(128) NOT NULL,
    "remaining" INT NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_subscr_user_id_cc8eb9" UNIQUE ("user_id", "template_id")
);
COMMENT ON TABLE "push_subscription_grants" IS '订阅消息授权 — how many mini-program subscribe messages a user accepted for one template.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "push_deliveries";
        DROP TABLE IF EXISTS "push_subscription_grants";
        DROP TABLE IF EXISTS "push_topic_follows";
        DROP TABLE IF EXISTS "push_oa_followers";
        DROP TABLE IF EXISTS "push_broadcasts";"""


MODELS_STATE = (
    "eJztXft34jiy/ld0+GXS5zAZQsIj6XvvOSShu9lOYDahZ2bvMtcRtgBvjMX4kTQ7O//7le"
    "QHfsjGJjyMo1+6ia2SzVdCqq+qVPqzMscK0szTG6ghXYHG4AUZhqqgyhX4s6LDOf2Q2KYK"
    "KnCxWLWgFyw41piQ7LaWsNuc3YZj0zKgbJEWE6iZiFwid2RDXVgq1qncyG42UGNkN87bzZ"
    "Hdlmvn9ErrAozseu3sAkCgYdI3kDVs2gYC2ADoO+kT4AXSVX0KFLisggm5jHUEZlDTaJMT"
    "9gHNF9byA7BmCCgqeRFVtk7pWylYpn/p00O9gK2rf9hIsvAUkXsGeY1//rNCJdjbwWXl99"
    "/JB1VX0HeCI7lL/1w8SxMVaUpIV6pCRdh1yVou2LVv33q3n1hL2ttYkrFmz/VV68XSmmHd"
    "b27bqnJKZei9KdKRAS2kBDSm25rmqtm75HwBcsEybOS/qrK6oKAJtDWq98p/TWxdpuoGZP"
    "Scqop5qqNXSVX+x329QFNJ6g+G0mN3KEmV2FChrxFRnntJxjodZqpuUbD+/MvpdwUKu1qh"
    "D7j50nk4OW9+YDBg05oa7CaDrPIXE4QWdEQZ8CukZQNRXCRoxRG/JXcsdY74qIclI+grru"
    "ip92ETLXgXVmpY/do8cD34dgB4hXxBZaBrS1f/KQoY9u67j8PO/c/0cXPT/ENj+HWGXXqn"
    "zq4uI1dPHH1hMpE4c43fCfi1N/wC6J/gfwf9blSrfrvh/1boO0HbwpKOXyWoBIaqd9VDjb"
    "Rcad1eKBtqPSwptF4UrXsYBdTuvv1K63QK5qqbr2q3eZqOt6Pf2OS6Q/WmqJOqiM2WgXXI"
    "lF6x8Uw6lLjgXWOsIagnLEsx4QiUYyJ9hL+QFAivB4O70I/hujcMD/f+t/vr7sPJGfsVkE"
    "aqxS73+sMI9ORnaJL3ikF+M4MGH++VRARn8vK7grmyq9W+MoffJWJ7Tq0Z+fOs3k5B/ZfO"
    "A7MASKvI5NJ3b9Wde2GEqWUm5bO0AiJvMLfc3/sRjOc1hhW1XyfPXLvKM3vDyH7CBlKn+l"
    "e0ZPj2yHtAXUYcPF228sXt5igRXV1dvaIBX317PzicyFcnXxg5s8FN5/Gmc0smYwrwGMrP"
    "r9BQpBDS9A6u48gVv2381rw+j16BOpwycOi3oO/sgn6LFtCw5oi9d4xABu5W06ij4rfLzB"
    "kva6hN/m2g9oqmeQwLTCkF1Wl/YNU1IWHQAvhVN4GJjBdVRoDMqHOTRwi33DuH7Ql6d4hZ"
    "qCro3Tsy9AW9e49az0LvZOx4M7Pay1777VjL6+fUXWo1ZC2f1zMYy+f1RFuZ3gqbyuz/HN"
    "B67fdHRPYG7k6oyIKglAtgX6B0VG/7g9fEhiVhQ0FGHOGebvEBDgtFUFYd23cXKNd2BfKU"
    "vsGP9bOL1kX7vHnRJk3YW/pXWim4O+6JGN1LpicB9C04mUgG1pzQUcR/5Ap/+vqANMi+Ux"
    "xtl3c80o4eSD/l4YNhXxtlFm+EyCEpPdLTEc6ziSjtkusyBwOH5XqOh2R+S8l7jmjo+WRk"
    "N+rwjHxu1RTvc+Oy3mJByobHSYNRRT/uCAG5gJD1k0XIqHP1lXBOBIj1pCqUYgNI/qIkFS"
    "n8YOgenz/SR/rT0ysZRvjVfHoCqknDraRPgCfgzxEZg/MxMkbkNUcMducTQRoTpVPeLU0N"
    "bC/MUeWvj+DpyY3ISjNsG053I530EvAtk5Y01jqq1C6vajWnu7MW+0iUf3p6+ju9YkLLNk"
    "hr1phe/AuoOrhG6r9ovJcZ9oLXC14vGJ7g9ULrgtcLXi94fQzdTUKMDCUuyF1iCcUCYfGA"
    "o9fBHrm+Y+7ltAkqt73H4UPvZnjlW5AjnVzpdsmVQI95NdPMopjoBBXQSzOqFjL3kOmJQ7"
    "aSR35ApHQul3qjkQFh0ioRYnZPuLT2Nm+73CoO798eB30+vAGRqPlDmd5/GEHbkWslwDrG"
    "tqpZqm6e0scdgnRQhEKGj4fzyX3nt6gKbu4G11GLhnZwHdFHiKLm0UpMsBC6oU89at1s5K"
    "nk57pv7o3jZdqX0G8pHLwZgQo4uN6IVGfV0xHa3ZnAelax+fxGmL7SPm4RdYmXFSbypjYi"
    "bWzdQryVJw9cf6d93ThdlRUvU8Nv/fE9ki7KDI+EvsuIdb8FoLpeX6VGzELzBUHjzQsg6W"
    "vodlUmvN4Yv1sbIr2H+nKI6b8Zs4rfGCc9qEswJbeYfTspEsiMfFeDjkKkSEEPlQMpNpg2"
    "ntGSjWtHTGKQuznKvsbcNoH0ZWtmYHs6i0pKfvfc/GZyXQqC74+WxHBt9ztZnHSo9WjQUb"
    "Xoa8RCt7E21bQwLnJbS6rTXM2+xbVxedb00orbCI5H9gWaKF4gle4b1fBU1YHb8xKcQN3Z"
    "X6pUAQRkPGH3oxeE/BmaJjDt8b+QbH2g0VLSiuDJi+ju9+Hcra0LA7+oboaMKye2uIpY6R"
    "EtWUcaNROx0veo9Syx0uCUvEm8KShf5CBf5dcumRGH0n2v3/v5YfD5oXN/BV6RPIOWNFd1"
    "lXyPqQHnI91tN+j4tzH0r37r9wZ9/wZbEkf6dbf3t17/s/Rz5/HxCoydxVFaQCf4c3jfv7"
    "fScjWckMy6EimyUosUuSUrPndvaEqE0JcoXQCreZEB4OZFIr70VmQQI2JbWBLS5TjEQ2KS"
    "J4zjkNRGMBfTccxderq/DdODIf7Kczfof/aaRyMkf0XXh4mqceKyySGqgMibglObDfAyRq"
    "dCZhphWDk3oQdEtkmIivtL2HwXOoUqDm3uXejfzFJ5xKuRbeiBAVWkbegMdY5/x9NGsk+H"
    "fqHsXhz5ojGym/LZ2chuNept8rl+3lptEfdS3FmJMBobWRiqiQB5Z936CBbkSViHGnC+FE"
    "uDJ+uTsVyQYQKgRcW55cn29ViRzl6QaaoqXDTviKwLF8171HoWF42imgsNLqW8uddROcEy"
    "17JMMog0+pk84wVxyhH1dGu9SyzeSWF3A1f6ZMgSqZF+3Xns3VyBs5H+S/eh96nXvb0CdZ"
    "aMTajiFTjP6MpyNg2f11tNf78w/SNtq/DjfefujlvOzAlN5uX8MUFB+/PTflWRnE2XedGP"
    "CQr034I++8J5Jn2O6FY0UKBdTduf9tlOgrwjPSQkRvkGrkUGYO4RHhHbEfJlGt6qKUHCeV"
    "841uO6eqwruT2WYvWwP6pSrBvtIAinEG2eCMjLYDoyAicy4rcNFvme5LdrvHlw3Tr9ZBlU"
    "xVzR0mHSsUWzDy28UOU3ItVnXQ1pT5+wphE6X9KhhaE0YV/wjYANOg5OmaIlxzi4THvsdy"
    "5NDfjmeesx0OFn2l+Zhtgug0Nss9g9otSowokRBW9X00JFzu61OWuZPWSk0KNlLiYNmWbd"
    "jiG5ctEIVBVmnQIos305ThFhDU9NWm7oVbVmpAVNJ3rFhgKgrgDMuoYaGA6GP3NjRbt+ng"
    "gSiSCRCBeIIJHQekGCRDSDIW+AKChTutpH23ejHF8c7ojB9uwPaQbNWS73YFSwhHDvpP6O"
    "ha2FtFmaLUdUOMQ3CPsIP21B/bR7LlZStNnncISdAZZE1z0015F1X3vrqXoH0MZgRt4QjJ"
    "c+U3bofhWYMl4gBViYngS0OvWHcOSfWNFjVuj4REcqJcXgv8FUw2OofYhT9B0+h7vzlnVP"
    "7xouZkroUCZ2+JbYiSsY/PHMSUfK5QSDf49az8LgvZl5k124nmyRuU7l5q778PUKEGSN55"
    "H+0P2l1/21+3AFDPSioldkjPQvnbs76b7T73ym11m1EMc8IPc6t/e9/hWAylzVo8tpFs60"
    "/aKwqyU0536smKA4GlQctLo7NB0jOB+cQRmxZzB9z6BvW79x02AkBHmc0K7dOxgcWfzNg/"
    "w5dgsAhw+iPcqpYC28sbVlPcbi5OXjPXn5AU3IPDUb4mekVzh+ktD9apqrxHBaShZtmtFb"
    "MtDpgU5MDjA5pwiYU0fMRKZJCfjJBM5VbfnhI8DEbgeqZYLHL50f640mPefJtMg445xAtd"
    "2uRbpCQZbRqnB2vCPaK5wd71HrWZwdzsSdk5SEhHbLSg5QoPWtLM8p2SU9ky/BdyMlML2I"
    "XJFdSBuGy7fv+vFAy0mqQ1JiAEfzD4iVlzvdIywlspjWJtag7wuVKGGD9TYsWcL19njX17"
    "hZZWBrQ7MqLLkFNReT8ZdDy+iFzH8baTkkKbRcNC3nSFPapX9pYFtj/L37gphjLOZeCt6u"
    "pnmXMGsooRdv52aWXTOX7XZzZDdayoTuYmk7Feub/i4WHbDuaJaMu9URnCxsc1YFGlKmyP"
    "gA0HfyBG0JsC6jj+DVUC0L6XSTCz2zXJ5BfYp+MMnIhboJmQOFt5fmQG8hXFaFsVGFy+r9"
    "OC+Ey+o9aj2Ly4pN846yYlpP5qdhqV05V8pEUOGUKG1K4MhbTj0iJ7DOsstmqWHIgTmluv"
    "dKRFT3Dk1d26juvbDHBL/ZRotLVHYvpK4gfsaCLyaF4nR3jJd0dcvgnoYWvF1N43QOv5HI"
    "+mbkOQNt3KAHkI3lM/rvuEauTBqN0DFkCE6uHHIEdayrMtQA/a0AA8m0IgFLBFCQrNIcgC"
    "qYYU2hp5GptKq1rgDqC0YmywjglkbY9/MFkRNETpj0gsgJrReEyJnoj7i6r9VpT088RegP"
    "jpY3rOJ82OCiU5/5sl4/P2/Va+fNduOi1Wq0a3615vittNrN173PdFdtSJO8Us503cxNnS"
    "Ni5eNzF7UMfO6ilsjn6K3YIWQasVdYtbHch5FFJEVh1bX0mVqKcZCT6yR47UuRY7OP6giF"
    "YkxfyIpYSSRM7G4WvjTzGmYgS22l3hzZzVZdpuc3n194NIWSE5MoR0PAwK80AmUsqQGOCP"
    "/QsPxsVoGJAVm3bKTLCDgVwU1CTV7IHxhM4cKkxwQptvOjRyaPKe3v4SN9pPcx3d8Ouqx+"
    "7RVQLUqkGB+bqGR0g2e0ZP2SUSjbhkFDbhPVMC33ySZwDHEq6JWw08hYHelPT73+Y/dhCE"
    "5PTwFhcTeD/qe73s0Q3A4A+R186fU/Pz0x5ka+mA7mCFnksc63JIpm35F+rV2Qucc51LRE"
    "u4M7Dx+x2bH5sRDJxM0yEJJM9d+8mikpJl1IbH/Hc5TCtCvUpNwnfyRPyuxulklZJ3cyur"
    "DukfFMpj4yP9bb9ZHdqo0vgzMjdf9QFxGduWQ8X9CNQsC0x3TEXQF2JAyosePXqDXgeouq"
    "7o1nYC6gboL6/z3T2y+8iXnPz+fMzc6M+yPbc0NmRxMQ7kXomYlYLZMT1lUVUEidMv0fPp"
    "LZmDphnFmWEGLTgvOFOdJfsa0pYI7J21gz8gQF20Qv7grzb0S/B/2sQWNKZADTmn8RT5Pr"
    "nfhH76ze4m31TdImk6zztDvlFn2a3gs7TJ7RE45eSl8qD3DUUpHXy2B1cyXxjI20MR2WKx"
    "Oqe3Z+8BPar1UdGks+9AnJ7OOl5SxRRwZ7GoJuVNTniYQmXvf6nYd/8IniNSeKev2PYbdT"
    "HKvkUZ3qSBmSxTaJLkZaZLFOTCbCmGPmOFtr3EK07HdNIRyuTQ+NjXI4soD+YDrrLF2XDU"
    "xXeYsZDnNMd5ATvsUe7BIqYgAo9Ubj7NLNbKSUjMcb9/hkEVsTsTURZRGxNaH1gsTWiuOO"
    "eTdMKrjnC1sJGyjT7M2QmDA68xidoaHv+TWkOa9UcNroj0gKtrXxT4AYhjkDnyuJUkTldh"
    "3ypHY5tGyDO8EnzzEhMTHH5JljCkJsb4h5T3hbx1ZUKzF3NN6omkZvZae5BGn7vImkrSZC"
    "TvIm+fdcaROy2Zxc0ARPyFI74ZlHOV9n2N1nRwglPevK23vnPL7KSOgrDf6drBgHp2j3np"
    "4pSK0gtYLeCFIrtF4QUksWImzksSl9AWFSZtnwJ3snp+TAl3/WShkAPq9nAPi8nggwvRU5"
    "V8hCc4Kekiv7NiS0P5gruzIDdj2KHWOPw/yTt1IGRMRWytBasI2tlGwA5zSIVyKiiHxqzX"
    "OKVBzZ/CXPkfGiyqjn9naUwK4tHR0YVaHS0eT5oP/t7u5QtaM/kzGNfkGG6XzvGJkP3a+m"
    "8fgpbSm9OE2z7wStXyKvpE7zvNailLrRCu7EVOdz28n5cvtmey91QBH9wQTssR9BYOuCCR"
    "Yuz/YEVE5t6f09esTyj+dkSBsqgeHpqQqenkwLLUw35fjpiTFM0ulCI63I1QnWNPwKTOeX"
    "Yf7kYGvKMzSHp4vEsPc//Z+k+3hxnJdwGhyTDXyc9FE4Dd6j1rM4DV5WC2dY5YlhwIBEmS"
    "KA9bOL1kX7vHnhB/78K2nxvnhsj3Rv0WJKeUsER+VK6DPYAZ3FuqJanjmXdYNjWKoEXoN9"
    "bHIM7yidQk0aQ1PNhXtETACfG/gJQlLwVXOAzxEVCsitAJ8k5fGghYSK4UOjzyuND41R1T"
    "wK8QWEMraujJCnII9SYoLFUE6pvM2OL5+QAZ5qUmzTsFgJ1o2wYVpvNDJYpqRVomnK7kWw"
    "dp0h42UuqENSggRkIAEHC6EUDejyxFAKiuzGQZQDn795p05Q4ukIq5vV1E1+pFnOkxEu0B"
    "iO7FbjjH8mAaBdAlO1bBaaACcjmzR1JaqA/tWkGYzjZpP9NanV/JjIpHZGezuDrLd68wPd"
    "mW+BqYHthemFJVgYhFs0pkBvJvIoCzIHVkVI5B05x0VI5D1qPUtIJG8K2nazzwp0qt/2U/"
    "zY/zmg9doLGpRlzxM2LAkbCuIkAScXjQ0J7S+gV9sVyFuI5u1vK1OYZXFcmPdQXw4x/Xc/"
    "NOugs08KyWLfToqWKAl/VwNpbM31g1RhwjLBBtPJM1qyge8ISwx4l7L5enPb0B6ck3Gc+9"
    "aMGPHTWVRcijyJy/zIdSlaZeuv9Botga/HK9AS/vbJxC30TbNTN0qKLtutyxUpmuIXZOi0"
    "8EmIxniVzuZkFMnqAmo/KSrVtGx528j4DGzbDxBEShApYVILIiW0LojUoU2ZXdv6gkj54J"
    "7V2xnQJa0S4WX3oglO3OqeFOCubs9jxngkzYlf5XOXcVLPIsppDVTuv/V7N72fO3dXK/Nq"
    "pN/2HocPvZvhFQj1m1czzSyKiU5QAb004xTXNuSEgb9eLyvpY1KMdNMZdu4GnwMKklyzd1"
    "uKqmeZn+rJ81M9Nj/NvULVmVOkPIFiJH2UKiOHYitNNDjlaCR5yQhLlS7lY0fLBk1w1dS5"
    "akkKXHLwTikNHRcV7rhocv3CwHPVJHxgI4wTpAXMUZhprvAE5dkVEpAQcMZPFvvDVskELR"
    "Gup/FN92uMNQR1Prhc+Wh5MtLBrnD2mNOeq5MNBnehtfC6F03Q/nZ/3SWTNJuiSSPVcbnG"
    "FQAXC0yeSD2LEkvEyLMQcoV3dOzYAXnUDgp6mJJ/2HPOER8VFYM9+2Bf4IWtQUO1OHmnyU"
    "tjSEhM4bEZRFOhmY/SBEQEqdk6qTERNOSZZKHvHJ9y8i6oiFgJaM2+d0C5x9pJ+XcOcyTF"
    "RBOdaBS0gIZjbOSLSsYERWJ7emL7CrA4zLnT229DnR0nvGuz22NDLJTp8NB1fJFpSe6BBT"
    "VaTDdiHbrin74+0LQO/nSRVs73uEzxJA2EpoZ4/aLNMYtWTSrJiE1ifW9Eq7PqqUxgbS17"
    "LZpq9bYcttCGlKMK++bNYAt902j+2iolMJy5Fs1Ki2at8TLbtpm5Fk/vmEGNtyE+t+K/kH"
    "5Kr3PvS2ZVNwV3C5r2dZRDx6npicE5kZOeGJkyk9MTo7N0pqL6kwbbZFWDNIWwfUGuIBjY"
    "vkVsQLK86dYPJhhj/EzU5501a2rYAgRh549AkiG3jv6OHsMtjOd1RhuQD/MFtpAuL5muiS"
    "IiDbysT0LxX5A0h8Yz6SdaSy8so0C3I/IztGyGNT2RnKZW/S4yI0VmZHENmCPNkROZke9R"
    "61kyIwsSjyqcxncckKIrIPdXluBRg7xgSOindYQgp4BKfxqx0krQsMwNpqeQYAlnp+Odje"
    "KLkGcG5lRxQEwouNAKXln8G+XN+tJ7DJdRQoW8MZc5a/Z6MPjavb0CjvRIv/nSvSEXpF7/"
    "CsgzJJOLkqqT653+TffujjaV6XfWNNq6P5Aevwx+JSMCS+aMYLnBqrX9pOcwx8tjKEQFy5"
    "e0kiWHMzmDM5a/GeXdOcDmiJbQJtv+ThbyJW0kkTlonGvfelRso0By0Yb2titR+xPeJk6F"
    "qPAWlviC4V2mFd5fxTZRdURWaLrImg7EA7K6ZQMiIilEFI/cJZxewCEnpBExAWvUDaPhvJ"
    "AGRASc6ZlgwSjZG/PAvpnoGK38rBlgkd8pv8ZpdHrdAqzvu3rsKrMuOidsA1q3m5JiGpgG"
    "M2A6c5Mz3ojppoksR4JpwJ7MnQH6xpyz1JSUryo2n28RnSkqnJSU4O1qWkrKM21Ivhc72p"
    "A1zZCT0j5DkBYBhpf0mEalSf+dtEZ2s3UOgykjU9W0kIEUQFEEzkOcEsGMcpt+VokJVB28"
    "qtYMqOQzftWBTMTIDRVqvGyV/b+AqLhVENumCkReyfvJMBB5Je9R61nySkRZqF3W10VkQs"
    "x/rmNETECdAWoDvdD47QazV1hSeLKLM1kJT/YODL8Up5agsm+hsgc+sOfvNLx9g23dYrQq"
    "RmVD96tpXNYJlMtO08xkNsgf22N4Rlhko1XzWCQtxqxB0wKsc+BE4cFUfUE6pYzQYZaUOA"
    "EFLtk+CKg7pZxZwiqPve7hidxtF97PxE32jCfXRjdVCEorKG1x570jJTeC0r5HrWehtCJn"
    "P3fOvthdcpDdJdQ+yZ/IGJESBXGiWYyCJQqWKFgi/4QgGrrnHQ3khvRTzgQiLXKQQRZGRJ"
    "c+HaO72ukWC9odoAsreCUaxK8fwdOTs/Xi6Qno6IVwNPRdRkgxyQ0ZLqCsWkty64Qgrqj0"
    "CVADjnX2gU8K9/bkVHLIXRRXO9zi++5TBdlGfEEjBY0s7sR4pIRC0Mj3qPUsNFJwooNwIs"
    "HexY57EfqML0Jix33JFexRjhyeoKDI/txAu1xctuwJWpUEyIjoSkC41aJgqqYka9jc5GSG"
    "ldwej2XwrxztuQzCkbnVLXEWmi9oBc2ckEbE3gDr8WSGCffwgd3DvHG7BVipn3cY6O4oB+"
    "xadCO/2BDC5B1A/9vdXcaa86IgeCryby0IvjZY0f0uI+9tuVGLVYPquvCFhLy2GwQyRvbF"
    "pD0mVy7PAvV8qWFjGwg42WPoO+kQmMikNfJpYd9VlhmNQihwmR6y2OIzxEargiyVVRFOeE"
    "eOZRFOeI9aP6JwQsEsOhFNKFw04Zm8JX9srq/76ckWOdJVubkbPLIynswpNdK7vw0fOleO"
    "YRU1z7KM2u3X72RxGWmu6jaP9D3Oib2X6MGMypaozOF5vdX0nZj0jzT/5eN95+4u7lJDur"
    "IhsGFJAevBgxfFRHOLR4BDk3dYZrKVsJIowSGl4Tm23sgyyZJWibMsuyfc68IRXCxXZYHz"
    "hH0/cYLnLehHXuN48xyyG/ndmrBO93a2WpOVT+wVoWdtGUznDbjCvFO0Vps5q6uiRN6ys8"
    "4Tt8On5k8cpg92uUnIvhM7TYVP73jmxCP17gif3nvU+hH59Aqn8R079QKrYR4CHxArU7Lc"
    "Nuj7wR1OJcb2oB6nEuMq8mW373N6gZpKWKaBORW4k6MmYak3Bk8K5tXLFztxkLB1S+W4Pt"
    "YB6Iu9ZwSFT0745I7YJxeutf/GlMGMdfaL+Xvfb6rgtYGhIkOTW9xgdbOa5qlc2OZMGntt"
    "M7sqWxN4wYrRnY3sy9oZJFdaqLFyGurYouXSJ1DXkQKwbQELgwnWNPyKDFYwXZ7Z+rNJ6x"
    "HItmFi4+kJzOEzIvcsWlndntM35Pkr9/lokVBYkOm9KpyP78gNJZyP71HrWZyP6CXp0LRk"
    "n2NQZjuuxvVz694cjdsvKm6plparOr4vUEI/7vbhJY+zuGeoJQMcECkhxPVaLUuWS62WnO"
    "VC70VqO9qKilw6lzk2EZDZYy6RV1h594eAZ8G5nQxzO4ayZz+Ncx0BHpYq4YjewZkaFrRs"
    "DrHOlqC8kt7jsDZsXaeQ5UO88vCt3+/1P18BV36k3xJL4gooWEdRMniYPGWHM+Ya8L5E6V"
    "IUd2B+YAty3HWJ4Q2/vahdEQ1sOC4QCdscayMRz7CQAHXIcy4fJj/xFmnqCzKWFY67z79X"
    "XevtU5ymavbExKbSbpN/a80J+bd+2WCOtzo9gGJcG9mNSaMRrDvK+BZ1utE/DCSrC2JWWV"
    "dAntGhRVQELZoaaZlVMDenqlIFzgJVBcgwsMHz+e3/BbjpikEm6fcr8hGFS/CYTNXjdA4J"
    "l+B71PrxuATj+i2TT9DBi0GUG2VPShD9TCc6elZFDpxDQiWEefuOK7xAer4ZYyVRvgoEO3"
    "ByO5Z2LifJSqR8CG/fC5Va1i8lVpNa1q8MSNfbWaCut5OxpveOy/0a53FktlI28L7+3O3f"
    "Mu+rKz/SH70rpnfloTt8+IfjokWWsfRaDVkTa6Tfdu96v3QfaLEJ19NA60186vTu6KUJVD"
    "X697e+265zfde9ArbutqVfmvbRuZXuusNh94H2AhWiYMs9w/Pwvz3PfZDDqxYUET61qKOS"
    "eWHiaF6r00RAfZEdVVHYq/XuwHlZr5+ft+q182a7cdFqNdo1H9f4rTSAr3ufKcah8czZok"
    "F9XbnMeU+gfKtGvdHIVGmhkVJpoZE50v+3x0E/b6RfUWUL/Adoqrmz2SLg/BvbqmapunlK"
    "H3sI3x+FKOR/8JA+ue/8FlXCzd3gOupYoB1cRxSygNNc/NVrL8Z7pvFuIHbqdJ5lMSgils"
    "XoDG2byMi5LSQgIkp2p+4KoUjFkc29K+Sb281RIrp2U0hgOOWuJ73LSGif5fgP8UKVP7HM"
    "/gonJBpvVF0bG7Voa8nZLZC9bstZ63xkN2XUHtmtZvtiZF8gWtH4st26pPHKsyatblxv0V"
    "0L7cBOBTJWVYWGKt3nAVri2HihuxdYPRVsOEVWLAymyGIlVZzNDSa3jsth3oIbKPV+XAxO"
    "ESAVAdJj8j0fZ6hMBEjfo9azBEidSTgH7/EFRCwpQyzpYFZ60YAugZleUEg3ttMPXFBx0P"
    "nk7rvl2eeBu+sNcwwlfw9vdru8KdPTRc5aXpXDoI3crtVWVrAOBh3gxHiBNYMrY/iEmL/u"
    "g5UP5BYCUJaxrVsfAQUdvM6QDp7JzKvzbfK9v4HYslyQSU2Y3+/JEBPm93vUehbze++5Rh"
    "vMq0ecamTaY/peY5T3hNaw4M6OaI1h7V042gNaV8Btcvp6VHgLk1kxnetHOHdxliz9Tdrm"
    "iAt9F1rfIuRYFl9GMRE92pDjozORse/92YA6t+havFF1rWfDDMhIUyqU2cHRHsP6yL5s1h"
    "qRLZLn7HPr4txzL8zwKyBfbQnmqq7+uDAwedAc+JMzmCPTJN+bBv+YUwHK9NBYpPgHPHiJ"
    "wzwvx6FeIz30GMh0FgFI4QERXFh4QITWDxOAPNxelcJpefebVQw0J49zN39kzsMMyIhEzM"
    "IkYhZt+JaAFhUU0mMN8XaQocqzCocLuXdSCRBctVlHd5IB3XLEM3GSzLrfyNVecT3yW5kd"
    "k037F2SYar5DXAMiJVzmd7Lbgv6ociDsNi8humeZ6oeepdQPPYvXDz22vVuHWfO3tksrZh"
    "3sczH76/8BOhEP7g=="
)
