from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "oa_follower_tags" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "tag" VARCHAR(80) NOT NULL,
    CONSTRAINT "uid_oa_follower_openid_1dd743" UNIQUE ("openid", "tag")
);
CREATE INDEX IF NOT EXISTS "idx_oa_follower_openid_fdd1c0" ON "oa_follower_tags" ("openid");
COMMENT ON TABLE "oa_follower_tags" IS '粉丝标签 — a tag the account put on a follower at WeChat, mirrored for audiences.';
        CREATE TABLE IF NOT EXISTS "oa_menu_versions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "number" INT NOT NULL UNIQUE,
    "menu" JSONB NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "conditional_menu_ids" JSONB NOT NULL
);
COMMENT ON TABLE "oa_menu_versions" IS '自定义菜单版本 — one saved version of the custom menu (default and conditional menus).';
        CREATE TABLE IF NOT EXISTS "oa_replies" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "trigger" VARCHAR(16) NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "tag" VARCHAR(80),
    "content" JSONB NOT NULL,
    "updated_by" VARCHAR(64) NOT NULL,
    CONSTRAINT "uid_oa_replies_trigger_12e68e" UNIQUE ("trigger", "key", "tag")
);
COMMENT ON COLUMN "oa_replies"."trigger" IS 'KEYWORD_EXACT: keyword_exact\nKEYWORD_CONTAINS: keyword_contains\nCLICK: click\nSCAN: scan\nWELCOME: welcome';
COMMENT ON TABLE "oa_replies" IS '自动回复 — what the account answers to a keyword, a menu click, a scan or a new follower.';
        CREATE TABLE IF NOT EXISTS "oa_scene_codes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "scene" VARCHAR(64) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "tag" VARCHAR(80) NOT NULL,
    "wechat_tag_id" INT NOT NULL,
    "ticket" VARCHAR(255) NOT NULL,
    "url" VARCHAR(255) NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "created_by" VARCHAR(64) NOT NULL,
    "hall_id" UUID REFERENCES "halls" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "oa_scene_codes"."kind" IS 'HALL: hall\nWINDOW: window\nCAMPAIGN: campaign';
COMMENT ON TABLE "oa_scene_codes" IS '带参数二维码 — a scene QR code: scanning it follows the account, tags the follower and';
        CREATE TABLE IF NOT EXISTS "oa_scene_scans" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "new_follower" BOOL NOT NULL,
    "day" DATE NOT NULL,
    "scene_code_id" UUID NOT NULL REFERENCES "oa_scene_codes" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_oa_scene_sc_scene_c_47d0c1" ON "oa_scene_scans" ("scene_code_id", "day");
COMMENT ON TABLE "oa_scene_scans" IS '扫码记录 — one scan of a scene code: who, whether it made them follow, on which day.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "oa_scene_scans";
        DROP TABLE IF EXISTS "oa_replies";
        DROP TABLE IF EXISTS "oa_menu_versions";
        DROP TABLE IF EXISTS "oa_scene_codes";
        DROP TABLE IF EXISTS "oa_follower_tags";"""


MODELS_STATE = (
    "eJztfWt32kqW9l+pxZfjrMVJG2wu9pl31sI2SejYkLHJSZ9p+pULqQCNhUTrYsfTff771C"
    "5JoEsJJK5C1JcES7VL4tlF1b7vf5WmhkI06+Mt1oiuYLP3SkxTVUjpGv2rpOMpfEgcU0Yl"
    "PJstRsAFGw81RiR7oyXDG85u46Flm1i26YgR1ixCL9E7sqnObNXQgW7g1GukNnBqF836wG"
    "nK5xdwpXGJBk71vHKJMNIMOjeSNcNyTIIME5GfdE5kzIiu6mOk4PcyGtHLhk7QBGsaDDlj"
    "H8h0Zr9/QPaEIEWlL6LK9kd4K8WQ4S99fKgXcHT1nw6RbGNM6D2Tvsbf/14CCvZ2+L30j3"
    "/QD6qukJ8UR3oX/py9SCOVaEqIV6oCJOy6ZL/P2LXv3zt3n9hImG0oyYbmTPXF6Nm7PTH0"
    "+XDHUZWPQAP3xkQnJraJEuCY7miax2b/kvsF6AXbdMj8VZXFBYWMsKMB30v/MXJ0GdiN6O"
    "r5qCrWR528Saryn97rBYZKUrfXl57afUkqxZYKvEaEed4l2dBhmam6DWD960933gUo7GoJ"
    "HnD7pfV4dlH/wGAwLHtsspsMstKfjBDb2CVlwC+Qlk0CuEjYjiN+R+/Y6pTwUQ9TRtBXPN"
    "KP/od1uOBfWLBh8WvzwfXh2wHgJfoFlZ6uvXv8X8KAfueh/dRvPXyDx00t658aw6/Vb8Od"
    "Krv6Hrl65vLLoBuJu9fMJ0E/Ov0vCP5E/93rtqNcnY/r/3cJ3gk7tiHpxpuElcBS9a/6qN"
    "GRC647M2VNrocpBdfzwnUfowDbvbdfcB22YC67+az2hi/j8Xb4G9tcd8jeJewEFrHdMnAO"
    "WdKbYb7QCSUueDeGoRGsJxxLMeIIlENKfYS/kCUQ3vR696Efw02nH17u3e8PN+3Hswr7Fd"
    "BBqs0ud7r9CPT0Z2jR94pBfjvBJh/vBUUEZ/ryu4K5tKvTvjTFPyUqe47tCf2zUm0uQf33"
    "1iOTAOioyObS9W5V3XthhEEyk7JJWgGSDcQt7/d+BOt5hWAF8uvohStX+WJvGNlPhknUsf"
    "6VvDN8O/Q9sC4TDp6etvLFm+YoEV1cXbyiid/m8n5wOdGvTr8wcXeD29bTbeuObsYA8BDL"
    "L2/YVKQQ0nDHqBqRK/Ox8VvT6jR6Bet4zMCBbwHv7IF+R2bYtKeEvXdMgQzcLS9THZX5uN"
    "Q649U5adJ/a6S5UNN8DQuNQQXVYT60mJoqYdhGxptuIYuYr6pMEN1RpxZPIdzy7BxtT6h3"
    "h9iFykK9OyFBX6h3p8j1NOqdbLjWzLTysj9+O9Ly6j11l1wNScsX1RTC8kU1UVaGW2FRmf"
    "2fAVp//P4Ukb2BuxNVZEZRygTwnKBwqt72F69lmLZkmAox4wh3dJsPcJgogrLqyr67QPl8"
    "VyCP4Q1+rVYuG5fNi/plkw5hbzm/0liCu2ueiKl7yepJAH0bj0aSaWiu6yhiP/KIP319JB"
    "pm3ymOtqd3PMFEj3Se4uiDYVsbaBYbQuQqKR060xHus6lQotqIpsoMhw3Bai1mKipYMjFt"
    "dQRfctMfX/t2MVVR0SKvWHO2sbLa84mKChWmi0HeeEdvubMUCaRdmuWYLZRjkPNtpMmmOL"
    "AzZgjcuBgNnFoVV+jnxrnif65dVRssnqLmm8+CARDzEAmM6AVC7L/YxpvuXn2bEJMgquip"
    "ClgDEaZ/gT2NKPy4jT0+f6AP9OfnN7qMjDfr+RmpFkSG0DmRMUL/GtA1OB0Sc0Bfc8Bgdz"
    "9RpA3KdDARSmPTcGbWoPTnb+j52QsekSaGY7rTDXQ6S8ANRkdCWMigdH51fX7uTldpsI+U"
    "+R8/fvwHXLGw7Zh0NBsMF/9Eqo5uiPo/EJrCbBDCBClMkMIYJUyQguvCBClMkMIEGUN3nW"
    "gIhhIX5DaVhGI++3hshD/BHs2SrriXUSYo3XWe+o+d2/71XIIc6PRKu02vBGbMypl6GsZE"
    "N6gAX+pRttC9h25PHEUreeUHSApnHa7WaikQpqMSIWb3hPV9b/u2p1vF4f3rU6/LhzdAEh"
    "V/QNP7N1PQdmQFDmgdQ0fVbFW3PsLjDqF0AEIhwcfH+eyh9bcoC27vezdRiQYmuInwI6Si"
    "ZuFKjDAXvIGnHjVv1nKq8NNy1rfE8ZKCCuhiEb6o9F4W38C1uZfFn+kI5e5UYL2ohvWyIU"
    "xfYY47At67osJE39QhdIyj24R38mSB679grlt3qqLiZWnGpj++JzpFkeGRyE+ZzLbgsQOg"
    "2v5chUbMJtOZtrk/GADre1MVFa9DhRoco8BwGN/5MSJlYMmS6deSwPa7IVi91hNMdWsUSm"
    "Lf0Ie+MqLqAevvfQP+TZmEtGFY1UHN8ktSkdi3kyLBBJHvasIaJIoUtBK7kBom48YLeWdn"
    "i0smMci9lKY5x7wxgWwne2IazngSpZTm03PToeh1KQj+fLUkhkz4eu0dhjdIrIVx56anpi"
    "iDAR58NnRlIEULTQxNpeMhKGGKX8ivzgx5gQCIXR6xIhRYIQrSDZti8Btct+APZkWh10eG"
    "phlvLNDhjZAXejseMbGrB0FoRMsjoPO+I5NgeYLoEjLYuJlJ1RXDsdAdkQlESaCz6nnl6h"
    "cLTY1XOiW8AqJj6cXmr5Xqr9WrD2VkMdqBDu+lWsj9jSAsm4Zlec+yEOXvhE5nT7COZvTD"
    "O8GmiHcQ8Q7C8y3iHQTX8xTvkI+KGnkQsFIW1KCHMucgSudg92nzHNFQ+tK779y1/rj2hZ"
    "KB/tD62v7+TfrRe/zKboCI4sxYaRBvPRzeyy6CS3YJLhPrMlbaCBFtUxDLh9a73WIbLlhx"
    "eDOX2/AVoj+oxH284K6suxFaXHmqvBHCf4nC6vMnhcYKylPq2P9mtVkdOLXzy8a8fuKweU"
    "U/X1xV/ah7qIcIk1JFz1c8PSXxjA6vj+YB+1f1OkxWvSL030pddoP34XPjYuBckiZZ/sCB"
    "06g3L6FuRwXTzw1S+4Cw5WmyvMyBI3t7oc3mZGctC232hPQaoc2eItfTaLPv3qmaskSAP3"
    "w7xQEOG7y/heoAQSRt1dYyKVRzgiJqVLsI1zfJiJhE50n9yypEBogKF7tcv0wBc/0yEWW4"
    "FQaZPs6GHE9rgqu1ehak45QFXNjbB9yVjqUhx6qYjHWISMCcAmaTzDQsU8xYNF6GIy9OKC"
    "rjrF0Zx/clbx627fmvj2yVH6SIQvunTUwdax0oBaDa3LCA2JjyMksL8UZLqjtcTd8jo3ZV"
    "qft1SZsED8GuMFKCpgrNGKs68mZ+R2dYdxtUKGWEwXtueB/90gDfsGUhyxn+D5HtD67n37"
    "GIybOW7Pfh3N4YM9N4Vb0SWx6d6JEhbCBHtIcdqTYsbCCnyPU0NpDglryOkzpIn2dZvPSj"
    "TXfEvvTQ6Xa+PfY+P7YertEbkSfYlqaqrtLvMTbxdKB743qt+W0Dz69+73Z63fkNdiQO9J"
    "t256+d7mfpW+vp6RoN3cNRmmE3JfvwGbn+SZtBxQqQ5JmpeTLQ0BOf6/Jekrc/pxCmmZUq"
    "rEWobGFLRJfjEPepSJ6wjkNUa8Gczyh67tHT/ls/dOrEUpTnJ899r/vZHx7NW/4zej6MVJ"
    "5tNzlxPECyUcr4egu8iDnjITGNalgZY2sCJCKyZnlkDUAVhzZzXM13q1B5quVIPE1gQeUp"
    "moahzrHv+NxItunAF0pvxZEvawOnLlcqA6dRqzbp5+pFY9Fjxi88yXqMQsbyzFQtgug76/"
    "ZvkOBgGTrWkPulWHFKej6Z7zPIy8A2kHP7m+7rsSJMJSfbVFmYaE5IWRcmmlPkeqqkC9Wa"
    "afhdyhq0HqUTWmYKRynW4DN9xivh9DPs6PZqk1h8ktw6TUtdumQp1UC/aT11bq9RZaD/3n"
    "7sfOq0765RlZVIpKriNbpIacpyfasX1UZ97laFP5Z5VJ8eWvf33H6obrJyVp0/RijU/uxq"
    "v6pIbin0rOjHCAX6m6DPvnCWTZ9DuhUO5KjW8Pa3fVbfM+tKDxGJVb6GaZEBmHmFR8h2hH"
    "yRlrdqSZjqvK8c6XFVQ/cF3R57ufvYH1Uv97VCwsIhROsHhvEimI5MgUtbokvUqUwLFv2e"
    "9Ldrbry47tx50iyqfJ5oy2HykkNtY6bKGyLVZVP1YaZPrMBOUZeWgSW3gtDGBc1cnFJ5S4"
    "5xcVnOcD65NDbxxvvWU2DCzzBfUZeYaPwoGj8Wqnjl0UCVyUUbWIMTrOtEk2ZLUtV8cHs6"
    "PSXpPylSHtxZv4UmLchBkdG9zYrQP7DSeyWOlzt4u7zM2e1WxZ+ykemd3gqUO7gc1WTIGx"
    "hieuWy1lx4n9mkCMssUQhK+dmQTmBBG8M31Z7QERAQ+WaYCsK6ggw2NdZQv9f/xvV27/p5"
    "ws0t3NzC4Snc3ILre+B6Gjc3xGBldXEHaQrXU3H7huDjiyQ4YrB9+UOaYGuSycERJSwg3D"
    "vp62cb9kxaL1GAQypcems4roWnKaeepj03Qcvb7nOQ2gMLwJLUdR/NVcr6nHtp+hDAYDSh"
    "b4iG73NN2VX3y8iSjRlRoE4/RgqZYZO5wEBH/oth0mvQkQGd6URlJfn/HxprxhBrH3htCH"
    "b2HG7tADY93DU9zBazwl8wn6glIDT4I9qTjlSXExr8KXI9jQbv78zr1BHwafOs65Ru79uP"
    "X68RRdZ8GeiP7d877R/tx2sEnXHIGzEH+pfW/b300Oq2PsN11gHJFQ/ovdbdQ6d7jbAyVf"
    "WB3r7r9Ht0DFFU24C7370L2GFXogduGq1q+7XcF4dsxpzTGOEGx+fxKFUrD8oFsoHuWGkx"
    "DZAINCPlAZiYnA3OII3Ii16eFz2XvjdMjI44KY8T2pX50cGVxU+Q5u+xWwD4LjTZUW4FK+"
    "GNnS2rMWbq4ebofvGmKSaugfMlT2n9j2RE96lJ33gheoljSQndLy8zppjuSMmGoSntKT2d"
    "II8OMTq/vyLUSrSIZYGKfjbCU1V7//AbMqhkj1TbQk9fWr9Wa3XoemhRcY7XwWK7U4uAhp"
    "wco2VhDjkhxViYQ06R62nMIe7GnVEpCRHtVivJSdfELFqeW5ZQSu6qmKDpRejybGRa06G+"
    "fdOPD1pGpTpEJRZwNEKBSnmZA0LCVCLOaWXoDfk5UykT1jhvw5QFPG+P93yNi1WmYa8pVo"
    "Upt8DmfGr8xeAyeaX731pcDlEKLueNyxkCmXZpX+o59tD42X4lzDAWMy8Fb5eXWZcMNlAi"
    "r352epq8mqtmsz5wag1lxJqMul056vM8Fx2x6SCOxkvnRmczx5qUkUaUMTE/IPKTPkF7R4"
    "Yuk9/Qm6naNtEhDcaeEAQ5WWPyi0VXLtYtzAwovGybA72FMFnlRkYVJqvTMV4Ik9Upcj2N"
    "yYpt8y6zYlxP1k/DVLsyrhRJQcVjyrQxhSNry4gIncA6TR7OO3SMjMO8pIPBgkR0MAhtXd"
    "voYDBzhhS/yVqHS5R2L0pdTuyMOT9McqXT3TO9pK3bJrfjY/B2eZlO5+o3Ej3fzCx9Hoc1"
    "aLI4lCvw7/CcXhnVaqFWiwSPrl3lCOuGrspYQ/BbQSaRoWYBCwRQiKxCDEAZTQxNgY6LKl"
    "Tu1xUEtmBisYgAbvGEfT9fKHJCkRMivVDkBNdzoshZ5J9xdt+o48RO3x7BdirVH9a56Nag"
    "v6pWLy4a1fOLerN22WjUmufzivTxW8vq0990PkPebYiTvHL1cG5mVp0jZMXT5y7PU+hzl+"
    "eJ+hzcijVa9Mv5ZW+4GKEUxaNXqs8gKcZBTq6k4I8vRIzNPuon5Epj+kJPxFKiwsTuptGX"
    "Jv7AFMpSU6nWB069UZWhR/3Fpa+mgHJiUeZoBJnGG3igzHcQwAnVPzRDfrHKyDIQPbccKA"
    "uI3K4HFlVNXukfBhrjmQWt0BTH/dETi6cp7e/hA32gdw3IgEdtVqP7Gqk2KFJMHxupdHWj"
    "F/LO5qWrUHZME1xuI9W0bO/JFnIFcSD0i9xpGJIJn5873af2Yx99/PgRUS3uttf9dN+57a"
    "O7HqK/gy+d7ufnZ6a50S+moykhNn2s+y0po9l3hK+1C2XuaYo1LVHu4O7DRyx2rN/6Jllx"
    "s01CJEv9X15VlSUiXYhsfy2ICiHa5WpT7tI/kjdldjfNpqzTOylNWA/EfKFbH90fq83qwG"
    "mcD6+COyOYf8BEBDuXbExnkCiELGcIK+4asbZX6Jy1mARpwLMWlb0bL8iaYd1C1f//Ardf"
    "eRvznp/P2ZvdHfdXlnNDd0cLUd2LqmcWYdVOzthUZQSQuq1IPvxGd2Mwwri7LFWILRtPZ9"
    "ZAfzMcTUFTg76NPaFPUAyH8sU7Yf6XwPeAzxo2x5QGMa7NLxrj5Ioo8/Zii7fYrALKss0k"
    "7T7tbbl536b3oh0m7+gJ7eWWH5UHaCeX5/My2MFBSewjtGxNh+mKhOqejR/8gPYbVcfmOx"
    "/6hGD24btXwP7IYF+GoOcVneuJVE286XRbj3/wFcUbjhf15o9+u5UfqeRJHetE6dPDNkld"
    "jIxII51YjIRpjqn9bI1hg0Bh8HOF6nBNaIwd1eHoAfqL5Z6zcC6bBpzyNhMcpgZkkFN9iz"
    "3YU6ioAKBUa7XKlRfZCCoZT2/c45OFb0341oSXRfjWBNdz4lvLjznmZDSpYM6XYSckUC6T"
    "N0NkQujMInSGlr5v15CmvGLCy1Z/hFJoW2v/BKhgmNHxuaAohFdu1y5PkMux7ZjcDT55jw"
    "mRiT0myx6TE8X2lor3VG9rQQXOxNjR+KDyMvVWdodLrKxn1kDSRp0QN3iT/nuhNKmyWR9d"
    "QoAnZqGduOKrnG8Tw8uzowoldMPyc+/cx5eZEvoGzr+zhcbBKeu9p2cKpVYotUK9EUqt4H"
    "pOlFp6ELk1p1MH0/kEQqRMk/An+71VMuDL78ZSBIAvqikAvqgmAgy3Ip2HbDKl6CmZom9D"
    "RPuDubQrMWDXq9gV9jiaf3IqZYBEpFKGzoJtpFKyBZxRIF6QiCLyS2ueA1JxZLOXPCfmqy"
    "qTjjfbUQK7snR0YFWFSkfT56Pu9/v7Q9WO/kzXNPmdmJb7vWPKfOh+eZkeP4aR0qs7NH0m"
    "aPWK+CV16hfnDVCpa41gJqY6nTpuzJc3N8u91BEg+ouF2GN/Q4HUBQvNPD3bJ1A5taX39+"
    "gBiz+e0iVtqhSG5+cyen62bDKzvJDj52emYdJJZxodRa+ODE0z3pDl/jKsv7jYWvKETPHH"
    "WaLb++/zn6T3eNHwSxgNjkkGPk71URgNTpHraYwGr4uDM8zyRDdggKJIHsBq5bJx2byoX8"
    "4df/Mry/x9cd8end6GYkpZSwRH6QpoM9iBOmvoimr74lzaBMcwVQGsBvtIcgxnlI6xJg2x"
    "pWbCPUImgM8M/IgQKfiqGcDnkAoGZGbAXEnKYkELEeXDhgbPK4wNjamqWRgyJxDM2DozQp"
    "aCLEyJEeaDOYWyNtNb8P4ZuLKg2Igd+TSK7g1314dClTDeT2KJThAmK8B5HVYIqrVaCo2A"
    "jkpUCdi9CNaeEWr4ngnqEJVQvlIoXwdzXeUN6OL4rnKK7NrOqxR9T7llqXih8R71p6+PRM"
    "MJKpQHemsxU4FA/3OndTLUEUls4LG4WV6ah0qHZWzecUmGeOA0ahV+2wwEUyJLtR3GTHQ2"
    "cOhQj6KM4K86BNkO63X21+j8fO62G51XYLYKZrNV6x+geISNxqbhzCzfc8Y8ddy6Rjl6Mx"
    "Hqm5Pjoiy8difkvxFeu1PkehqvXdYoye0GSOao8eT2o1DZ/xmg9ccLjTFNWp5h2pJhKoQT"
    "p55c1zhEtD+f8/muQN6Cw3l/2XZhhZSjFz1g/b1vwL/70UgPuvss0UfZt5OiVXTC39UEzZ"
    "GeuXM/alhhGRkm48kLeWcL3yWWGPCedjvnmzcGZnCbN7n37QkV4seTKLkUeRJXSabXpWgh"
    "uD+XlxEKfD1eDaHwt09W3ELfNL3qBkrRVbNxtVCKxsYrMXWozRNSY/xifFO6imR1hrW/KC"
    "pwWrb9TEe+BrbtBwhFSihSQqQWipTgulCkDi3K7FrWF4rUHNxKtZkCXToqEV52LxqDxy1A"
    "CwC3dWcaE8YjkXj8QrS7dCn7ElFGaaD08L3bue18a91fL8SrgX7Xeeo/dm771yg0b1bO1N"
    "MwJrpBBfhSj6u4jiknLPzVfFlQHxNjpNtWv3Xf+xxgkOSJvdtiVDXN/lRN3p+qsf1p6tdS"
    "Tx3F5xPkIy6pUEFjgK000vCYw5HkIyNMVbjomB0dGxCDralT1ZYU/M7Be0n18jipMMdF8z"
    "9mpjFVLaoPrIVxArWAOQozhLOPSJbEpQCFgDPe/O6fjko3aInqehpfdL8xDI1gPSlMlEMf"
    "raBHJ9gVzr7mtOcCer3efegsvOlEcwi+P9y06SbNtmg6SHVNrnEGTFV9jp20VnMJ/gz7W+"
    "qV3S71bbSZwLOZQacF863Eol2ySBtc4h21HzygsrqDwj6WNG/6nnFbiZKKHSX9jjIzZo6G"
    "TdXmxEEnyx8hInFOxnYQTcVWNr0xQCI0x61rjhbBpjyRbPKTY7hPzoaMkBVAd9x3JqTX3l"
    "LKXkGAQyk2muhGo5AZNl1hI5vrN0YoEi2WJ1osAIvDnDnd4i402XHCuzLbIrbEQuEkj23X"
    "4Jsy6SJaVHv9rAtuWe/jEsUTUy+CW0O8jtn6mEWrpxVkxSZpfZvn9fgzFRgskQSVFizyij"
    "VnG1i15xMVCaqthZ5G4yQ3C0ANZZMdVcxG1vDT0DeNBp8u4nnDYafRkNJoyCkvLHWbYafx"
    "2KwJ1ngFVzIz/gudp/A8979kWnYDuFvg9JxHGXi8NLY4eNZyYosjR3FybHH09E/VtGVUYx"
    "mS5xjif5uX9ArBgdxLqltQsUm3f7HQ0DBeKPv8XuaWZtiIIuz+EYgQ5vZp2dFjuIVX/clg"
    "AP0wnRk20eV3xmvKiMgAP2RbttVXIk2x+ULnidZqDdMo2JuI/gxth2FNdMWCuMh/iLBmEd"
    "acXwHmSANcRVjzKXI9TVhzTvycueP4jh2dcAJyf2UJllrMc7KFflpHCPISUOGnESvdh03b"
    "WmN7ChEWcHc63t0ofgj5YmBGFgfIBINzzeCFxL9W0Puceo9uWFCoiL/mUoe83/R6X9t318"
    "ilHui3X9q39ILU6V4jeUJkelFSdXq91b1t39/DUBm+s6bB6G5PevrS+0FXhCFZE4rlGqfW"
    "9jMWwjpeFkEhSli8YKg0AdjJ4dex4Ouo3p0BbA5pAWWy7aeh0S/pEInuQcNMRSeiZGsFKO"
    "RtaW+70wGmfFOwCbbJkeYl9mQI7uPS7zHCb37laEP8FkfOOmadKPEWhKycrfgiyVhzOWId"
    "VkdoBafzzOmACz5j7FecUjSIDO+YAW9XWlADJCKUTpSA3iWcvjstI6QRMgFr1MioGVkhDZ"
    "AIOJfHzwZ9wBtGz363yDHqsGnjZiO/U36l8uj2ugVYT7sG/CIeObonbANab5qCYhrYBlNg"
    "OvFCjzbEdN0wrSPBNCBPpsAUh6NoN4Q2W0xuPjWAlQDHtaBcNTT/qhrWyx2BHbnECWwL3i"
    "4vC2x7gYH0e7EG3Gxoisi2ZoVg6AOAr6CZuFKHf0eNgVNvXOBg4NlYtWxiEgXBakXuQ9wu"
    "AcxsZM1j0yyk6uhNtSdIpZ+NNx3JlIzeULHGi3nb/wuIops5kSHLSESnnU6ckohOO0Wup4"
    "lOE5Uhd1lin9ANMXv38QiZgDoF1CZ5hSiQNXavMKXwxuRns4qfUcJjsEvjoTAZbGIySNHe"
    "cJea7H9BkMyt4eg2U6tiqmzofnmZLuuG28ju0NTKbFB/bA5xhWqRtca5r0VCPwYNWzZiky"
    "M3lgeN1Veig8qIXc0SFCek4HeWTYV1t5sDC3vnaa97eCI3ecv/mXgh4/EQ/WhqllBphUqb"
    "333vSJUbodKeItfTqLQi8ydz5o/IUUuhtG4/Rw3kk+zh0BEqUa4tGokrtEShJQotkd8kEE"
    "IkONqhHzqxpC0gHZFBGWRuRHI1V8egNgYkasF0CA5W9EY5aLz9hp6f3QSu52ekk1eqo5Gf"
    "MiGKRW/IeIZl1X6nt84o4ooKT8AacqWzD3ylcG9PXqoccg/FRZ5svHrHUkJWzkOokUKNzO"
    "/GeKQKhVAjT5HradRIoRMdRCcS2ruo2yFcn/FDSNTtKDiDfZUjgyUoSLI/M9AuD5ctW4IW"
    "hUVSIrogEGa1KJiqJcmaYfHwXNU3aEEnSgpkKCkgDJlbTT20yXQGdXgzQhohE1ncwjy8Ct"
    "LNzcO8dbsFWMHO2w9Md5QLdiW6kV9s5owj0a5iX20FVjor2j9l4r8t12uxGFBe5b6QiD92"
    "DUfGwLkcNYf0ylUlUBUcBBvHJMiNHiM/6YTIIhZ0cIHy4IsoM/BCKPh9uctii88QiVY5OS"
    "rLwp1wQoZl4U44Ra4fkTshZxKd8CbkzpvwQt+SvzZXVw/2afPs6Srd3veeWDFgZpQa6O2/"
    "9R9b165gFRXP0qza7VcBZn4ZaarqDk/pW955PkpboGKp2+g6T3RlTWDDlALWgzsv8onm1s"
    "ztVBSyeHVmkqWEBUUBWmiH99hqLc0mS0cl7rLsnjCvC0NwvkyVOY4TntuJEyxvQTvyCsOb"
    "b5Bdy+5Wx1XI7Ww0Rgub2BshL9p7MJw3YArze/EtkjnLi6JE/rGzyhK3w6dmDxyGB3u6SU"
    "i+E5mmwqZ3PHvikVp3hE3vFLl+RDa93HF8x0a9wGmYRYEPkBUpWG4b6vvBDU4FxvagFqcC"
    "4yriZbdvc3rFmkq1TNPgVDpP9pqEqTZ0nuTMqpfNd+Ii4ei2yjF9rAJwTnbKCAqbnLDJHb"
    "FNLtzTYMOQwZT9DPL5e99vqOCNaWBFxha3uMHiZnmZpXLmWBNp6I9NbapsjPAlK0ZXGThX"
    "5xVMrzRIbWE01A0byqWPsK4TBRmOjWwDjQxNM96IyQqmyxNHf7GgHoHsmJZhPj+jKX4h9J"
    "4NldWdKbwhz165z0eLgMKcbO9lYXw8ITOUMD6eItfTGB/Ja1JzumSbY5BmO6bG1Xvr3gyN"
    "2y8qbqu2lqk6/pyggHbc7cNLH2dze9UlAxwgKSDE1fPzNFEu5+fJUS5wL1Lb0VFU4qlzqX"
    "0TAZo9xhL5hZV3DnQzDc7NZJibMZR9+WnIsUcuWc4hqgKu6B301LCx7XAU63QBygvqPS5r"
    "09F1gCwb4qXH791up/v5Gnn0A/2OShLXSDF0ElUGDxOn7OqMmRb8nKJwIYo7ED8MG3PMdY"
    "nujfl4Ubsi6thwTSCS4XCkjUQ8w0QC1D7PuHyY+ES6w1DeaN9MMiImk1Q4dr/4oPJK+5/s"
    "0kizOVFqQ2BdaTbpv+f1EcQQVs/BJle7GDi188sR5PQ2lGBvCu9BrL+i2zwRvWHooEh5SB"
    "Q0Uk3L5tn8dvQUYd4T5j1h6BHmPcH1nJj3vJ07k3C9ICmgKrl99cWxiJkx1iBAst8j7Dgi"
    "DbIIg2E+xJnQ00nfoP+kjEn47k1yjNCvjEgILLsUEQkbSdZ3RFNfifnOE6jn91bL0Yo7VF"
    "1TfK5e1ZhLuwqt3YZUyK2NarVgRX/myQB3NvxhElmdqfTCtS/wlhG2IenItspoao1VpYxc"
    "008ZEdM0zJWS9V5egJsIFPTRzOcVmT5CGj+mk/s45TIhjZ8i14/H2R7nb5G87S5eDKLMKP"
    "tUBdR7dtEr3ZcqMuAcIiogzNt3CRszomfbMRYUxavttYPwkf1bSHKN8PYNJEsLZi+Jglpa"
    "MLsISFebaaCuNpOxhnvHFdgQ1+PobqWsEdfwrd29Y3ENHv1Af/KvWP6Vx3b/8Q83+IHY5r"
    "s/qs+G2AP9rn3f+b39CGXcPEsDVHL71Orcw6URVjX4+3vXG9e6uW9fI0f3xsKXhjlad9J9"
    "u99vP8IsWKEMpjq7Se889r59Y3ObxmzmNi44/K/RNyhk8GAHSYT/OhoUwOwycTRv1HEioH"
    "OSHVUs26s878J5Va1eXDSq5xf1Zu2y0ag1z+e4xm8tA/im8xkwDq1nTjo0WL8yCfg+QfHO"
    "kWqtlqqqWW1JVbNa6qjavz71ulmjahVVttG/kaZaO9stAubAoaNqtqpbH+Gxh7AGAkQhi4"
    "SP9NlD629RJtze926ipgaY4CbCkBkeZ9Jo/fFivada7yah39QhWY7FIIk4FqM7NAsNyrJ9"
    "zAnysXnA84qzeZjGq6oQUzLJKNMmEqHb0WZSJPvjwcIBcrZn76TyAN/Hn7nyQEovfz4RXd"
    "vNn6Zn0S6jbbssj7xvzFT5E8seL3GCA+KDyiujBGwYLbkZ6elrg1YaFwOnLpPmwGnUm5cD"
    "55JA15yrZuMKPPeVOsTBVhuQGd8MZMPPI2C95yFoo2O+QoY8q9lpmG4hT9tAY2Kzsp1uAr"
    "3FrRV6mLfghgz4Py4GpwgVEKECx+SFOU6nsQgVOEWupwkVcDfhDKL6nEB4VVN4VfMTtJsP"
    "ofKYxfScQrrlcNy9iem91ievthNPPg/cXS2YG1ia14lKL5fXZehgWWn4lfSDMnLz/HwhBe"
    "uo10JutAOyJ3ghDJ9R8dd7sPKBZbBhWTYc3f4NAejobUJ09EJ3Xp0vk+/9DUTeXE42NSF+"
    "n5IgJsTvU+R6GvF771F3+coo2nn5FWcI7zXkeYhuDEMjWOejHCaMID2klNv5GcWw9i/s97"
    "C66fXuQz+Ym04kMqL7/eGm/XhWYdjTQaqdEDCxAG6NnSxGvIXNLJ/G9SPcuzhHlr4Rtznk"
    "gt+55rdwORbFlpFPRI/W5fg0tXozu+dwC3ovbpZXWjKsqSUZMxuqOKUv6d0gCtgRCKurfX"
    "4OOcC4uvDhzSaQ9Ks70yExXeuBSWYaFNTp36GzgVOrKwS8f+dK/y44wwf6NQ00pSsQPT08"
    "gYtP5db42fvzhRUjJ9tZWVgxTkifFVaMU+R6GisG2+ElhmsWU0aETNgzuPaMjcrWbFHEcX"
    "U1BslnE+t8USc2KIXIE6CRxkCUWvIBKYFKDPXzWqQeygX73Li8WEghIDr+YiFgmFcKZarq"
    "6q8z06DPnKK5KoqmxLIoBBY0SwbBxc8P5Ik++32BgT7Qezr5lXV0PoMQLhCV6kPW+vkcgr"
    "cW70OFp+dnk0zp0qRvC41SvFnLbM4ZFcWwLJOZ/RHdG/r4V5uYU5jzqtaA929URsHZymjm"
    "DDVV/tUL/hro8x7Z9EFYf/fFO9YVjPmhXPeTak8UKsGzDi1nz8/+3zrd5p+fP6SIEQskZ4"
    "pIMSHkieNeCHmC64eJFDtcen3uuLz7/Pr50R3HekmiWIBGZIpFXVMalXMkkHMy+gJDdDtz"
    "BcZxnV85WmdgUNzLelREaYVrKD9nQ45cQ3k7GgrgG8oppMca59qazajmjL1vHTOZBG+Xlx"
    "pLTGKSV5WqiXhBkj7ctXpFwGIwqoOW3xjVKsx+gCEFDNLBakNc+RDP+/rFQoGnoZFhQjAq"
    "pH6V0UxljVq9orJj+qMl6JWYFh3IDXfd/xtwTQv+xDCAfpjODJvo8rv0Qt6FiUGYGI5oYz"
    "xSZVOYGE6R62lMDHRzn0qwE8SZnlzPI0SUj5oehSoIxPC1CNZ4QbR98jOpHVmYrAjlgZb9"
    "0tp/6y9Hfv5Du+91P/vDo+wII8/ORBBLYrAnm9uCNEXAfC8lmahoDT65uRCeduuJU260/+"
    "QM+n1vNFAUNKH0WLqKojutqR0XsBUTj+yMu3zp7rH1qQ+lOintQH/6fvPQ6feheKflDKeq"
    "bUMh0E5Xemz/3mn/uEaqLrlK30Dvttt3T9Jt7/Gxfdvv9LqUbYQoFsXANAk7gAb6t9bTE0"
    "w2w5YFMz22/0oHwxWT/A8dBNfgFKdv8YNOMLexwcjbdud3d6RM1FcYCd+jdXvb/sZm0A1b"
    "cl3GcG9xPXDt27fH3u+sDipVOaCkEyuE+v0Jaqi639GCKqqLsYyeDYVrd+1ux62Rqqvw92"
    "37sd/51Lmlkon0QDX4ayQT01ZHoAsSaYoVQrF6evoONKplOeuVPq2m62K9pIl1dEPxVNAM"
    "lvsAxf7s9pVdbdlbttvPfxnrZZSEaIUVOT/if1zrg7LGmqpzDgHgcoLAE6BZxt2tcDYnjc"
    "6AWVFZ0YNBYvsubCa8ZsxL/VxJUwiXVwaXl6xhuuIUaZhJag9TFU9u335mp0JktkSpeIQt"
    "3lmbrJlySAvQ3n3vyilFUVnrTA5TihM5zydy1EGSYU/jkIqNbfXGRlUhU3GIBGUU6aTr/M"
    "ASphC/tDz/0ny1ew1+R0gFn/PMZ3lC5BfKqylF31SxxqkEv6T1AY9Y2BzXtzm6xiuwKEpu"
    "BkOWE45LvJUzLkdJTJdpzGOXyeaxy5h5zDcYrrHTRUjFTpfnnQ5EEN/yktqaE6A5ZWuOB8"
    "Mm1pyEKYQ1J1M1I89hIfFMDMnLOEq386Wcl02Ks5YXWLwZ5gudly7L9yz9b5InEDkO0QVL"
    "t29nSqQlrtQkFSJMVzxNfftuPtdxiTWKGpllWM8xOrGMY1Z0YzqD8O21wj4jtEJIzLWQ6P"
    "Y4fZemhLIpIbNwdfgHZ5ocb2GlH53uXe8HBGDoivE20B9anftrNMUqk8Uyl61PsbMlJx/G"
    "Ug8hl4Ads9k1Yg5pjtmQG43YDV5ZY68LEYqNLt8b3Qyb9pTodsY8uRihyJaL/HxY4k9GVI"
    "M0AtAIoNDSKyOeARJR6DOyu9tkmhHNAIlYnHEVl+XvZYQ0QiZgXZ5yHMySFGnHy9KOIwsr"
    "lHr8SMWGx85tvxTbELaA65Nbi6vjzVZQeANbYQpo2bG+BWw/wzy/L6KyCwpuUApKge5CFN"
    "0CxHehyQoKcEx4T4EyiFJbwPeLN81RilwrgQ3ImwmQJld7CJlwDfoM4A/HI3HjUX/6+ki0"
    "pBSvRRkHf6bigB5alksCVjIC5RdzePBmLNDvP2pI0y11XqZjK5j153MWFTXZmG7h9/jIsu"
    "Zu3bmKCpXvSdp8ebFpigpTIGtwQ6Tat4upCrTNZyp/tMCV0DXjJCRN+6j2dNI36D8psA3N"
    "ViBk16sVNT8cl9eMCp6haWpHhU7xVN1FahcXUAoa+pPWGzUoOF27uvLrNEHdJWemGVghCm"
    "tGahLHglakI1UjrFgTjDDJPx3VpCP8p0NpaygSzfQPbk+R/TyVWyAKhyty+dReoXpRIupA"
    "FkBRIup0igWJElGnyHWOHzVRC03qNpIYdRUn3F/Y1S5ZveXIqzlM7EIM3uTQjxihqPSdrt"
    "K3ZdOBY5I1vTJCJtBOh7aoqbWXmlrWBFdr9UzreU5RwKW8g87W6v9ytufkGHpvuDjzuNHG"
    "ug0eGoZKhiUbpRMLN01+u6mOVZ3KCaCrZxUyuMQFhH03e7KNbYdjAE1fYM/hZd3ssliKb+"
    "TJaI8off9232uxknP+DGnq50XtUKk4tfW0EteWJY1MI2vUWJxShOJFdvpA/cBs2MYpBbax"
    "dCjfbJoR2ziliM5bHp0XMVFvGCkSaUFxnACvjBiJr7KcdgkJuPiX+37CsQBpvD+RiIRU/p"
    "/qsA7tRc8rA6d2oUBb0/ro0vfEvE2gQ/srUaApR6hPBz2EmBeGpZRCiw6sG+BjKVMaoqOz"
    "hen9A72l0KvvXEfQnh8vesvnZPcrC4fPCZn+hcPnFLmexuFDjyeD31puWWGmBU0BrQPbN8"
    "q4gJmGlskaE6YqINCVehoHRPTHEfA/1KNAM908c3WOMFUBgd6+FYVuKJlhDtIIkFOZqrLW"
    "XhYllzcouSwsLMLCIiws61pYwhkBHMtKLGUgjUUlmK2Qqg/rEFcgpJXU6L+V89HAaV7JlW"
    "DbU5iWmL9YCNq5my+IKutgyFgEsbrRrdBfDbGvDmGtYfMHt/3q3h4sTCg52d7KwoRyQsq0"
    "MKGcItfTmFD8rT2jFSVCVkCNaPuGlEOHJ+fMs7ztSC13VNaooTBV8SI4L9PEyV4mh8lexq"
    "Jkp8SyqBSdBeQASQF3itp5GuMJHZUIMrsXq2RkaK+EsykvrewdJBPVvDNU8xb2E2E/EfaT"
    "DSJU3CoB/KCUeQWBZKuJQTVlVvBWChUuyGA2qTaueNYLN9t3br8wZqquMusFu+M/DEG97U"
    "zGkp09Lk3eMZCLnGNhPzm67e5INWlhPzlFrqexnwR24hjXkzOuQkQi74rXXQcgyqrMh4gK"
    "qGleVFMomhfVRD0TbkXVTGH+21dymysK8mFenWMVIM8z3KXWt2+Pvd/b156sSwb6Xbv7xz"
    "VSiP4elabTMGLLDSzkhQs3bVxKgEQEpojAlENrHsKwkgXgIzeshIoKcowr0aKDaQws0ZKH"
    "KSu91cD0AdXWmkO5Qq9U6o1ghIhFuYfcnjMIW2DYIL8GnlRGL2RGB+isyppfF/0XC71hjW"
    "KdUOdt988UASk52dbKwqByQqq1MKicItfTGFSCyfSZi65waHclshep63pWO0uBTSzb1/uz"
    "d0rcsEHiGoLCEcP7ijXVrWvCPyX4EIepNmzBnbcVvQRiTg9uFwpHt1VOZ5FVCM7JTrqLua"
    "jSKKo0HhBmUaXxGA8uUaVxm97Coytfx87PjGYYutDuO3fXiNEO9Mf2772vUMjOJK/Gi1cJ"
    "77DuFe9N1tDZw5SiX3V+VPS4Zcbn1TDTIRymKt4xvP0jwkVMSkqlXwW1VKiM+j0E3efEV5"
    "mzVb6JTT/gLQE3DT/OZInTJEgkvL+i27Xodp1jV3r2bteHDFjI5y67abwCfQ3U/X5/X+Js"
    "vluA+CQaM4dOncwdhHcaDrLog8gLBgl1SUwTCrLo0pg+2+aqodB/FUJYVMZlKB7DD7BgWT"
    "B0Xn2Mziq/1j6wVBckG9MZIKkgy21P/xsaYgUGWwibUD1E04w3etuZcRNv9vdkERWSk3O5"
    "jERUyOnEB4iokFPkeqo0G5lKKnGGP02xpiWbzH2iItnML6qN+txcDn8ss5Q/PbTu73lNjR"
    "KC4Jf1MypSEPwebEmqJVERIw7x0vINC6KdFW/YZ+zHfko3uMKb5Mzo5sEr6pqc2RGnLMDa"
    "3neChy87A4zZHAJxSuEUWO0UCKKWXQiKUwtXW37knri4q8wNLhmtvDFCYeeN/JAmVHbMCG"
    "qARPh3IvKOTbL2pAuQiMUpfDun3IjuoCHawm2WW7fZPP00utVuAdYn1xTe8WYrKLqBQyaF"
    "Q1IJ+beEs2w1vjE5MwXKIEZtAd8v3jRHKW6tBDYga27BB5nS597TSd+g/+zE457LU283BQ"
    "I28vJ+I6Zl6Fijmjx+JDjsX0waU17ak8IbLTFnGrgJUvp7e26bzNEIAZHrTA14W/15Ecwb"
    "99lmpl7td/179Lik/9Ihfy+x5wSuCQftwR20wPS1IsGxcNKVcmasSuOaFTrrTnTW4M6WFt"
    "MgjQA0alvJ2MvyGLpYlliJG/qi0PfaImhsYt1G2Atrcuvf4LUyhLbf6HKFTXtJGucKm3ae"
    "/EWMIYwLVNIJq5WH9yElmr6TsU82fecWdV/NPDzeL/Rb8sFenZ3o0+Z692l9+3bfuW31O7"
    "3udbCi+UAP3JG+dJ76vcc/QiOkiQqJ8O8D/YGKMI+d1v31vK3cQL/r3X5/aHf714gy0Vn3"
    "B1RNw9BqMkOr8abIObUjF+N8JrJBdeisJWkDRLn+rcAWFVgF5VAXxU2W+fb3LaIrM0PNFi"
    "kWpMk9H2aOSRcjoVsOoW+qIKwrVIpy3GCg7JJSmjgyOmqJrMTiyGJulcNkG7RMW3VfMd7U"
    "w7tVXmZ1wu6gdKam5D1GBOPnZo8WwfjC4iOC8YvM9TTB+LZqZzOgzAnyLA/kJsDTcqZTbG"
    "YrJbYgKUAEc7SIWCqpqrpEqqrGovOHhsIBODlS3B9fiAW87whx2XglpuSYHJ//soSTAFGO"
    "LU7r5pxU0vRyoaOSc04qsW4uXqwLpxDWX5963aVBmLzyV4oq2+jfSFOtnQWwBMTfoaNqtq"
    "pbH+F5h5B+AaPlaz+6zCNHK0wQXftQWyzhrExXmGy/RYxLiolHdkbwS3ePrU9gogPagd7p"
    "So/t3zvtH9dI1SW3VdBA//b95r7z9KXT/XxNte4hZfKE8ml+HcqYeZeJMr8qfWp17gO3pB"
    "FWtfUKnW3fjUFFpImRtaJNiEhY/rK0o1rmQV7WjurkQ/NdeBKy41Y1+SpSaly0bGqaLYGO"
    "WlI2NbYpWASb8kSyqSSZRb6MkBUA630Lmf4Jkc1rEKYqnpi5fe30jcgTbEuebTcj3Fzi4q"
    "G+k7rXHnYZ1agwVfGg3okeNRdE1zBsRmn3kl6bk2yhnBsy4/brV2Ja3Dj4xJoiAYr9VRWp"
    "7OqntOUy3CJZeV/ZdSJPaVd5Sodxtfdan9zCDGYfj0sch3t4QHlpeT8seVUeTMnG4/Q9Hu"
    "Xm1cC5JBVl4NSb5w16Zdggiyp7dC4WSIpl2XB0G80cG4Hb2q+eZyJsox+EyiJ2GU1V06Tr"
    "UKE36XVHUQldgha3zeOeHssJI/h7yZgR3V0O9DFu0oiIKxBxBUex8x2ph1nEFZwi19PEFS"
    "w247Ta7YKieG0et2+6sV3JIXXUhju8EC7vSNObNBEFzeSAgmaeojR7rQeiO797eilXdAwO"
    "WCU6UgnZkTwtN7Xo2KwQDK26rzBIcpdUnmteKDK9clGrUXmuetmksl2jKvtSHVRptvArld"
    "O8J0FuMAh5smPZxhTBS6AzbxWwoFzKT0WFB2KN3bU+8GTJg72HiFEVsqSQKoQsKbieE1ky"
    "qetyomE3senymnbdwzZd3rJhF066OJbJQWX++P0HlB3GkLuT0LGs8RrFDdRIVZ+7uqQ+dz"
    "Ven9s/0rOVLA5TFVA12r7WeXTO1LxsKjk/cuOSVkA3ctXIjKHISfQiLHkrZ0tu7BWPZMZE"
    "To6lwr1VXmGjMOkoNWVe6cIqUMVU+6/VFQKtpM4V3wbwNsF2yMGEdeuNmBayDYTRC3l/M0"
    "ylTD8yY4CsqfIL/GXJWIeEbYyoLjz3RS0xSuzl8QN9oD8/08VlE91+fkaqhf41KMGCGtCX"
    "oZ/IT3tQ+vegpE4pd9gnSm8N6Gt//PjxT3Tm9cey/mLgv3gwf5y9f/gNPT/bePz8XKYvTO"
    "hDLGKX6U9wqtqWV12GMg7e2X8VC8nYNN+hEZfNviIeo7MBKyNy/R8yZet/DkqJtpO/lyh+"
    "47Erj1MMhINOGFWOULI6TvVaGFVOketpjCqBTXmddKYAeZ41p9LX9h8/eo93Uvtvrdv+tX"
    "8GS+QnlTMGun/3ttfttzrdp8UAOHbpMrAG+u195/brtXtaD/Sn21b3mp3YA/1H+/6299C+"
    "Rm9Ek43pmnVGtp3K5B2xabVgb3jhDA07idveo9c1Z7rtLpyuEX3T5kZALlUxbX4bO2GbzG"
    "Kb9E/xbNazMFWez4CDWs9yo6g/yZQZt/SvEldZX9wur1DYLRgpgdaXvs80qdbBcS9XB069"
    "1jgHh35THjgNMrqk/zbPK4sQUTY9+q9HBE9wT1odFE/V9tRRK6hhl0EXda8sQkj1WFLxId"
    "5hoPva/5tqT9htNu8vlqtgf0R9Mp3RlWO+s+dYiPycqSaBENjnZ/ezRUXr52cRlSAUaKFK"
    "CQVacD1PCjTbzLNITHOC7QhLhw1KEEWWN7NLfGnd31+zqtYD/Uene9f7cU3lBF0x3gb6LV"
    "2Xrc7n7jWS8XSG1bGeD8uCiDnemfrrpXZTyLjZlomRTjG6/SWyHlHIk63KLyRT4eMFRQGX"
    "b7VWS1UspbakWEotuoIz1jLYpIjBCaK7UAeziphhShF0kx+JkhN0I+LYDtwzRbQL37yege"
    "gIukFHUH4LygSkwTDJicq78cg+fX0k2ryhJx9lz/L7RGc6wn0iCe0/92BLZ5Al29J9RFPY"
    "0udsTGNLr1frQ9dePXCaw+H5wKmNarVQEhwLJxvN7diuEfttYrB4LzAegyF7ihUCRumpZ7"
    "QuQyGGt4kqT5CC33mxb3t8cpreoQs/BHtX/C76hAoLeJ43qyO1hQoL+ClyPY0FPI81Hgql"
    "psAJ4LuUOWKeYWgE6wkJZBHSCN5DSnuEgC8B+KbXuw/9bm460Uqz3x9u2o9nFcYAOkh1JW"
    "5O6TvM0b9hG+ND7Q1ftncVC2rYe6KlkufCWNbmxlFCUS1wuXYdFns31LEjcT/Hie9KXTu2"
    "xrJq3LvUJlvEpJpPiaNIenfKS9vyLcbkpilforMqrYfK42F+nd9bcU8l61CJlWyTBavkUr"
    "ZFkKx24lKBH1UGhL3hBUS3kiolv7IkJb/CSckX8dwnkw/85/8B2rug2Q=="
)
