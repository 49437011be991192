from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "hall_floor_settings" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "recall_limit" SMALLINT NOT NULL,
    "priority_rule" VARCHAR(8) NOT NULL,
    "priority_ahead_minutes" SMALLINT NOT NULL,
    "walkin_quota" JSONB NOT NULL,
    "default_walkin_quota" INT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "radius_m" INT NOT NULL,
    "service_minutes" SMALLINT NOT NULL,
    "group_prefixes" JSONB NOT NULL,
    "hall_id" UUID NOT NULL UNIQUE REFERENCES "halls" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "hall_floor_settings"."priority_rule" IS 'FIRST: first\nAHEAD: ahead';
COMMENT ON TABLE "hall_floor_settings" IS '大厅叫号规则 — one hall''s queue rules, set by its hall manager; a hall without a row uses the defaults.';
        CREATE TABLE IF NOT EXISTS "hall_windows" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "groups" JSONB NOT NULL,
    "is_open" BOOL NOT NULL,
    "opened_by" VARCHAR(64),
    "opened_at" TIMESTAMPTZ,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_hall_window_hall_id_16b311" UNIQUE ("hall_id", "number")
);
COMMENT ON TABLE "hall_windows" IS '办事窗口 — a counter of a hall: the item groups it serves, opened and closed by its clerk.';
        CREATE TABLE IF NOT EXISTS "tickets" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "day" DATE NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "number" INT NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "window_starts_at" TIMESTAMPTZ,
    "window_ends_at" TIMESTAMPTZ,
    "priority_reason" VARCHAR(16),
    "priority_set_by" VARCHAR(64),
    "tier" SMALLINT NOT NULL,
    "queued_at" TIMESTAMPTZ NOT NULL,
    "sort_at" TIMESTAMPTZ NOT NULL,
    "recalls" SMALLINT NOT NULL,
    "near_notified" BOOL NOT NULL,
    "first_called_at" TIMESTAMPTZ,
    "called_at" TIMESTAMPTZ,
    "serve_started_at" TIMESTAMPTZ,
    "served_at" TIMESTAMPTZ,
    "application_id" UUID REFERENCES "prereview_applications" ("id") ON DELETE SET NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    "resident_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "target_window_id" UUID REFERENCES "hall_windows" ("id") ON DELETE SET NULL,
    "window_id" UUID REFERENCES "hall_windows" ("id") ON DELETE SET NULL,
    "appointment_id" UUID UNIQUE REFERENCES "appointments" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_tickets_hall_id_cc9659" ON "tickets" ("hall_id", "day", "status");
CREATE INDEX IF NOT EXISTS "idx_tickets_residen_fec6b6" ON "tickets" ("resident_id", "day");
COMMENT ON COLUMN "tickets"."kind" IS 'APPOINTMENT: appointment\nWALKIN: walkin';
COMMENT ON COLUMN "tickets"."status" IS 'WAITING: waiting\nCALLED: called\nSERVING: serving\nHELD: held\nDONE: done\nABSENT: absent';
COMMENT ON COLUMN "tickets"."priority_reason" IS 'ELDERLY: elderly\nDISABLED: disabled\nPREGNANT: pregnant\nMILITARY: military';
COMMENT ON TABLE "tickets" IS '号票 — one place in a hall''s queue for an item group: an appointment check-in or a walk-in.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "hall_windows";
        DROP TABLE IF EXISTS "hall_floor_settings";
        DROP TABLE IF EXISTS "tickets";"""


MODELS_STATE = (
    "eJztfet32ki2779Siy+drEXSNjYPu889a2GbJExsk4NJZ/o2c+VCKozGQmL0sOMz0//7rV"
    "2SQI8SSCBAiPqSYKl2Sfx2UbXf+9+VqaEQzfp4jTWiK9jsvRDTVBVSuUT/ruh4Ch8Sx1RR"
    "Bc9mixFwwcYjjRHJ3mjJ8Iaz23hk2SaWbTpijDWL0Ev0jmyqM1s1dKAbOo06qQ+d+lmrMX"
    "Ra8skZXGmeo6FTOzk9RxhpBp0byZphOSZBhonITzonMmZEV/UnpOC3KhrTy4ZO0ARrGgx5"
    "xz6Q6cx+e4/sCUGKSl9Ele2P8FaKIcNf+tO+XsDR1X85RLKNJ0LvmfQ1/vyzAhTs7fBb5R"
    "//oB9UXSE/KY70Lvw5e5bGKtGUEK9UBUjYdcl+m7Fr3793bz6xkTDbSJINzZnqi9GzN3ti"
    "6PPhjqMqH4EG7j0RnZjYJkqAY7qjaR6b/UvuF6AXbNMh81dVFhcUMsaOBnyv/NfY0WVgN6"
    "Kr56OqWB918iqpyn97rxcYKkn3vYH00BlIUiW2VOA1IszzLsmGDstM1W0A699/ufMuQGFX"
    "K/CA6y/t/ruzxnsGg2HZTya7ySCr/MUIsY1dUgb8AmnZJICLhO044jf0jq1OCR/1MGUEfc"
    "Uj/eh/WIcL/oUFGxa/Nh9cH74tAF6hX1Dp6dqbx/8lDBh07zoPg/bdN3jc1LL+pTH82oMO"
    "3Kmxq2+Rq+9cfhl0I3H3mvkk6Ed38AXBn+j/9u47Ua7Oxw3+bwXeCTu2IenGq4SVwFL1r/"
    "qo0ZELrjszZU2uhykF14vCdR+jANu9t19wHbZgLrv5rPaGL+NxPvyNba5bZO8SdgKL2G4Z"
    "OIcs6dUwn+mEEhe8K8PQCNYTjqUYcQTKEaU+wF/IEgiver3b0I/hqjsIL/f773dXnf67U/"
    "YroINUm13u3g8i0NOfoUXfKwb59QSbfLwXFBGc6ctvC+bKtk77yhT/lKjs+WRP6J+ntdYS"
    "1H9v95kEQEdFNpd771bNvRdGGCQzKZukFSDZQNzyfu8HsJ5XCFYgv46fuXKVL/aGkf1kmE"
    "R90r+SN4Zvl74H1mXCwdPTVr540xwkoouri1c08etc3g8uJ/rV6Rcm7m5w3X64bt/QzRgA"
    "HmH5+RWbihRCGu4YNSNyZT42fmtam0avYB0/MXDgW8A7e6DfkBk27Slh7x1TIAN3q8tUR2"
    "U+LrXOeHFCWvTfOmkt1DRfw0JPoILqMB9aTE2VMGwj41W3kEXMF1UmiO6oU4unEOY8O0fb"
    "E+rdPnahqlDvjkjQF+rdMXI9jXonG641M6287I/PR1pevaduk6shafmslkJYPqslyspwKy"
    "wqs/8zQOuP350isjNwt6KKzChKmQCeE5RO1ct/8VqGaUuGqRAzjnBXt/kAh4kiKKuu7LsN"
    "lE+2BfITvMGH2ul587x11jhv0SHsLedXmktwd80TMXUvWT0JoG/j8VgyDc11HUXsRx7xp6"
    "99omH2neJoe3rHA0zUp/OURx8M29pAs9gQIldJ6dKZDnCfTYUS1UY0VWY4bAhWezFTWcGS"
    "iWmrY/iSm/74OteLqcqKFnnBmpPHyurMJyorVJguBnnjHb3tzlImkLZplmO2UI5BzreRJp"
    "viwM6YIXDjbDx06jV8Sj83TxT/c/2i1mTxFHXffBYMgJiHSGBELxBi/2obr7p79XVCTIKo"
    "oqcqYA1EmP4F9jSi8OM2dvj8oT7UHx9f6TIyXq3HR6RaEBlC50TGGP17SNfgdETMIX3NIY"
    "Pd/USRNijTwUQoPZmGM7OGlb9+Q4+PXvCINDEc051uqNNZAm4wOhLCQoaVk4vLkxN3utMm"
    "+0iZ//Hjx3/AFQvbjklHs8Fw8S+k6uiKqP+E0BRmgxAmSGGCFMYoYYIUXBcmSGGCFCbIGL"
    "rrREMwlLggd6gkFPPZx2Mj/Al2aJZ0xb2MMkHlpvsw6HevB5dzCXKo0yudDr0SmDErZxpp"
    "GBPdoAJ8aUTZQvceuj1xFK3klR8gKZ11uFavp0CYjkqEmN0T1ved7duebhWH928PvXs+vA"
    "GSqPgDmt5/mIK2JStwQOsYOapmq7r1ER63D6UDEAoJPj7O7+7af4+y4Pq2dxWVaGCCqwg/"
    "QipqFq7ECAvBG3jqQfNmLacKPy1nfUscLymohC4W4YtK72XxDVybe1n8mQ5Q7k4F1rNqWM"
    "8bwvQV5rgh4L0rK0z0TR1Cxzi6TXgnTxa4/gfmunanKitelmZs+uN7oFOUGR6J/JTJLAeP"
    "HQDV8ecqNWI2mc60zf3BANjAm6qseI01wzClRP0lC1zgovvBJiorWLYqP5NN96sBm6SsEO"
    "0rdOUQBdD9xGIcIlIGliyZfi0JfAkbgtVrP8BU10apNMBMMRnR7d8itk2fugTYnk4GBv0n"
    "3SnwCWZ9CExaIpDDsSwrIxvvsP42MODflMmAG4Y37tU9tiQlkH07KRLUE/muJiwuokhBb4"
    "0LqWGyVfxM3piM55JJDHIvtXC+0r0xgaxDe2IaztMkSinNp+emJdLrUhD8xQJICl3y7Us3"
    "GN4gsSbNjZsmnqIcDUTSsKErA5raaGJoKh0PwUFT/Ew+ODPkBeQgdnnMisFghShIN6gcQ3"
    "6D6xb8wayZ9PrY0DTjlQUcvRLyTG/HI5e29SAIUWp7BHTeN2QSLE8QXUIGGzczyYtqOBa6"
    "ITKBaCX0rnZyevGLhabGC50SXgHRsfRi68Np7UPt4n0VWYx2qMN7qRZyfyMIy6ZhWd6zLE"
    "T5O6HT2ROsoxn98EawKeKORNyRiEARcUeC60WKOypGZZsiCFgpC9vQQ5lzEKULdPFpixxZ"
    "VPnSu+3etP+49IWSoX7X/tr5/k360et/ZTdARHFmrESPtx72H+0igry2CS4T6zJWvAkR5S"
    "mIFUORzbfojQtWHN7MZW98hegPKnEfLrgr69+EFleRKuCE8F+isPr8SaGxgvKUOgenVWvV"
    "hk795Lw5r2M6al3Qz2cXNT/7BeqSwqRU0fMVT09JfEeHN8bzxJmLRgMmq10Q+u9pQ3aTaO"
    "Bz82zonJMWWf7AodNstM6hfs4ppp+bpP4eYcvTZHkZPAf29kKbLcjOWhXa7BHpNUKbPUau"
    "p9Fm37xTNWWpDn94PkU69ptEk0OVjrBX3tYyKVRzgjJqVNtImzHJmJhE50n9yyq1BohKl0"
    "PQOE8Bc+M8EWW4FQaZPs6GXGtrgmv1Rhak45QlXNj5A+5Kx9KIY1VMxjpEJGBOAbNJZhqW"
    "KWYsKjbDkRcnFBWq1q5Q5fuSN0+f8PzXB7bK91LMpPPTJqaOtS6U5FBtblhAbEx1maWFeK"
    "Ml1R2upu9VU784bfj1gVsEj8CuMFaCpgrNeFJ15M38ht5h3W0Uo1QRBu+54X30S3R8w5aF"
    "LGf0TyLb713Pv2MRk2ct2e3DuT1qZqbxonql7jw60atG2EAOaA87UG1Y2ECOketpbCDBLX"
    "kdJ3WQvsiyeOVHh+6IA+mue9/91u997rfvLtErkSfYlqaqrtLv8WTi6VD3xvXa89sGnl/9"
    "ft/t3c9vsCNxqF91un/r3n+WvrUfHi7RyD0cpRl2SyPsPzPeP2kzqFgBkiIztUgGGnric1"
    "3eS+pnzCmEaWalCmsRKlvYEtHlOMQDKpInrOMQ1VowFzMwnnv0dP4+CJ06sVIB85Pntnf/"
    "2R8erR/wV/R8GKs8225yAYcAyUalG9Zb4GWs3RAS06iGlTG2JkAiImuWR9YAVHFoM8fVfL"
    "dKlS9ejcTTBBZUkaJpGOoc+47PjWSbDnyh9FYc+bw+dBry6enQadZrLfq5dtZc9HryC8Cy"
    "Xr9QOWBmqhZB9J11+zdIcLAMHWvI/VKsSCw9n8y3GeRlYBvIuX2Gd/VYEaZSkG2qKkw0R6"
    "SsCxPNMXI9VdKFas00/CZlDVqP0gktM4WjFGvwmT7jhXD6inZ1e7VJLD5JYZ2mlXu6ZCnV"
    "UL9qP3SvL9HpUP+90+9+6nZuLlGNlSqlquIlOktpynJ9q2e1ZmPuVoU/lnlUH+7at7fcvs"
    "RusnJWnT9GKNT+7Gq/qkhuS4Ks6McIBfqboM++cJZNn0OaCwcKVPM7/22f1dnNutJDRGKV"
    "r2FaZABmXuERsi0hX6blrVoSpjrvC0d6vDIMjWA9YS8J0kVwHlHCbQkxPva7XeNXvd5taI"
    "1fdaOL+PvdVaf/7pRBTweprtVrg5CwcAjR+oFhvAimA1Pg0pY2E/Vii1kqr5iH2XKE6Dek"
    "u5u58c/vxp0nzc/uEGHy0mdtY6bKGyJ1z6YawEyfWAmisv74DCy5NZY2LpXn4pTKn3SIi8"
    "tyRvPJpScTb7yzPwQm/AzzlXWJiRa1okVtqcqiHgxUmZzYgTU4wbpONGm2JJkve7XPa3fW"
    "b6FJS3JQZAwAYO0y7lhxwgonDiB4u7osHMDt3zFlI9OHBShQEOJ8XJchs2KE6ZXzemvhn2"
    "eTIiyzVCoodmhDwoUFDVdfVXtCR0DI6KthKgjrCjLY1FhDg97gGzceYNvPE4EAIhBAuIRF"
    "IIDg+g64niYQAKLUsgYBBGlK1/01f1P54cVaHDDYvvwhTbA1yeQCihKWEO6tdCC1DXsmrZ"
    "dKwSEVTs81XPvCF1dQX9yO2zUWbffZS3WGBWBJ6rqP5iplfc69NJ0aYDCa0DdEo7e5puyq"
    "+1VkycaMKNDJACOFzLDJnISgI/9qmPQa9KxA73SisqYF/wc9acYIa+95jRq29hxudQU2Pd"
    "w1PcwWs8JfMJ+otiA0+APakw5UlxMa/DFyPY0G7+/M61Ra8GmLrOtUrm87/a+XiCJrPg/1"
    "fuf3budHp3+JoHcQeSXmUP/Svr2V7tr37c9wnfWIcsUDeq99c9e9v0RYmar6UO/cdAc9Oo"
    "Yoqm3A3e/eBeywK9EDN41WlX+1+8UhmzErN0a4wfF5OErVyoNygWygf1haTAMkAs1IAQUm"
    "JmeDM0gjMseXZ47Ppe8NU8cjTsrDhHZlBnlwZfFTyPl7bA4A34QmO8itYCW8sbNlNcZMPd"
    "wc3S/eNOXENXC+FKnwQZ+M6T41GRjPRK9wLCmh+9VlxhTTHSnZMDSlPaWnE+TRIUbnd6CE"
    "apIWsSxQ0d+N8VTV3t7/hgwq2SPVttDDl/aHWr0BfSEtKs7xenzkO7UIaCjIMVoV5pAjUo"
    "yFOeQYuZ7GHOJu3BmVkhDRdrWSgvSVzKLluYUbpeS+kwmaXoSuyEamNR3q+Zt+fNAyKtUh"
    "KrGAoxEKVMrLHBASphJxTitDb8jPmUqZsMZ5G6Ys4Xl7uOdrXKwyDXtNsSpMmQObi6nxl4"
    "PL5IXuf2txOUQpuFw0LmcIZNqmfann2CPjZ+eFMMNYzLwUvF1dZl0y2ECJvPj5+2nyai5a"
    "rcbQqTeVMWvD6vYtaczzXHTEpoM4Gi+dG72bOdakijSiPBHzPSI/6RO0N2ToMvkNvZqqbR"
    "Md0mDsCUGQk/VEfrHoysW6hZkBhZdts6e3ECarwsiowmR1PMYLYbI6Rq6nMVmxbd5lVozr"
    "yfppmGpbxpUyKaj4iTLticKRtalGhE5gnSYP5w16asZhXtLjYUEiejyEtq48ejzMnBHFb7"
    "LW4RKl3YlSVxA7Y8EPk0LpdLdML+notsntiRm8XV2m07n6jUTPNzNLJ8xRHdpQjuRT+Hd0"
    "Qq+M6/VQM0qCx5eucoR1Q1dlrCH4rSCTyFCzgAUCKERWIQagiiaGpkBPShV6G+gKAlswsV"
    "hEALd4wq6fLxQ5ocgJkV4ocoLrBVHkLPKvOLuv1KfEXugeQT61/PfrXHSr9F/UamdnzdrJ"
    "WaNVP282662Tec3++K1lFfyvup8h7zbESV5Bfzg3M6vOEbLy6XPnJyn0ufOTRH0ObsVaUf"
    "rl/LK3pIxQivLaK9VnkBTjICdXUvDHlyLGZhf1EwqlMX2hJ2IlUWFid9PoSxN/YAplqaXU"
    "GkOn0azJVE25ODv31RRQTizKHI0g03gFD5T5BgI4ofqHZsjPVhVZBqLnlgNlAZHbF8Kiqs"
    "kL/cNAT3hmQbM4xXF/9MTiaUq7e/hQH+r3BmTAow6rYn6JVBsUKaaPjVW6utEzeWPz0lUo"
    "O6YJLrexalq292QLuYI4EPpF7jQMyYSPj937h05/gD5+/IioFnfdu/90270eoJseor+DL9"
    "37z4+PTHOjX0xHU0Js+lj3W1JGs+8IX2sbytzDFGtaotzB3YcPWOxYvzlQsuJmm4RIlvq/"
    "vKoqS0S6ENnumjSVQrQr1KZ8T/9I3pTZ3TSbsk7vpDRh3RHzmW59dH+stWpDp3kyugjujG"
    "D+ARMR7FyyMZ1BohCynBGsuEvEGoOhE9aEE6QBz1pU9W48I2uGdQvV/t8z3H7hbcw7fj5n"
    "b3Z33A8s54bujhaiuhdVzyzCqp28Y1NVEUDqNmt5/xvdjcEI4+6yVCG2bDydWUP91XA0BU"
    "0N+jb2hD5BMRzKF++E+V8C3wM+a9h8ojSIcW1+0XhKrogyb8C2eIvNKqAs20zS7tPellv0"
    "bXon2mHyjp7QgG/5UbmHhntFPi+DHRyUxE5Ly9Z0mK5MqO7Y+MEPaL9SdWy+8aFPCGYfvX"
    "kF7A8M9mUIel7RuZ5I1cSr7n27/wdfUbzieFGv/hh02sWRSh7UJ50oA3rYJqmLkRFppBOL"
    "kTDNMbWfrTlqEigMfqJQHa4FrcOjOhw9QH+x3HMWzmXTgFPeZoLD1IAMcqpvsQd7ChUVAJ"
    "RavX564UU2gkrG0xt3+GThWxO+NeFlEb41wfWC+NaKY445Gk0qmPNl2AkJlMvkzRCZEDqz"
    "CJ3hpoueXUOa8ooJL1v9EUqhba39E6CCYUbH54KiFF65bbs8QS7HtmNyN/jkPSZEJvaYLH"
    "tMQRTbayreU72tDRU4E2NH44Oqy9Rb2R0usbKeWQNJmw1C3OBN+u+Z0qLKZmN8DgGemIV2"
    "4lNf5XydGF6eHVUooRuWn3vnPr7KlNBXcP69W2gcnLLeO3qmUGqFUivUG6HUCq4XRKmlB5"
    "Fbczp1MJ1PIETKNAl/st9bJQO+/G4sZQD4rJYC4LNaIsBwK9J5yCZTip6SKfo2RLQ7mCvb"
    "EgO2vYpdYY+j+SenUgZIRCpl6CzII5WSLeCMAvGCRBSRX1rzHJCKI5u95DkxX1SZdL3ZDh"
    "LYlaWjA6sqVDqaPh/df7+93Vft6M90TZPfiWm53zumzIfuV5fp8U8wUnpxh6bPBK1dEL+k"
    "TuPspAkqdb0ZzMRUp1PHjfny5ma5lzoCRH+xEHvsbyiQumChmadn+wQqp7b07h49ZPHHU7"
    "qkTZXC8PhYRY+Plk1mlhdy/PjINEw66Uyjo+jVsaFpxiuy3F+G9auLrSVPyBR/nCW6vf+c"
    "/yS9x4uGX8JocEgy8GGqj8JocIxcT2M0eFkcnGGWJ7oBAxRl8gDWTs+b562zxvnc8Te/ss"
    "zfF/ft0eltKKaUtURwlK6ENoMtqLOGrqi2L86lTXAMU5XAarCLJMdwRukT1qQRttRMuEfI"
    "BPCZgR8TIgVfNQP4HFLBgMwMmCtJWSxoIaJi2NDgeaWxoTFVNQtD5gSCGbkzI2QpyMKUGG"
    "ExmFMqazO9Be+fgSsLio3YUUyj6M5wd30oVAnj/SSW6ARhshKc12GFoFavp9AI6KhElYDd"
    "i2DtGaFGb5mgDlEJ5SuF8rU311XRgC6P76qgyK7tvErR95RblooXGu9Rf/raJxpOUKE80N"
    "uLmUoE+l9brZOhjkliA4/FzerSPFQ6LGPzjnMywkOnWT/lt81AMCWyVNthzETvhg4d6lFU"
    "EfzVgCDbUaPB/hqfnMzdduOTU5jtFLPZao33UDzCRk+m4cws33PGPHXcukYFejMR6luQ46"
    "IqvHZH5L8RXrtj5Hoar13WKMl8AyQL1Hgy/yhU9n8GaP3xQmNMk5ZnmLZkmArhxKkn1zUO"
    "Ee3O53yyLZBzcDjvLtsurJBy9KI7rL8NDPh3NxrpXnefJfoo+3ZStIpO+LuaoDnSM3fuRw"
    "0rLGPDZDx5Jm9s4bvEEgPe027nfPPGwAxu8yb3vj2hQvzTJEouRZ7EVZLpdSlaCO6v5WWE"
    "Al+PV0Mo/O2TFbfQN02vuoFSdNFqXiyUoifjhZg61OYJqTF+Mb4pXUWyOsPar4oKnJZtP9"
    "ORr4Hl/QChSAlFSojUQpESXBeK1L5FmW3L+kKRmoN7WmulQJeOSoSX3YvG4HEL0ALAHd2Z"
    "xoTxSCQevxDtNl3KvkSUURqo3H2/7153v7VvLxfi1VC/6T4M+t3rwSUKzZuVM400jIluUA"
    "G+NOIqrmPKCQt/NV8W1IfEGOm6PWjf9j4HGCR5Ym9ejKql2Z9qyftTLbY/Tf1a6qmj+HyC"
    "YsQllSpoDLCVxhp+4nAk+cgIU5UuOmZLxwbEYGvqVLUlBb9x8F5SvTxOKsxx0fyPmWlMVY"
    "vqA2thnEAtYI7CDOHsY5IlcSlAIeCMN7/7l6PSDVqiup7GF92vDEMjWE8KE+XQRyvo0Qm2"
    "hbOvOe24gF6vdxs6C6+60RyC73dXHbpJsy2aDlJdk2ucAVNVn2MnrdVcgj/D7pb66XaXeh"
    "5tJvBsZtBpwXwrsWiXLNIGl3hL7Qf3qKxuobCPJc2bvmfcVqKkYkdJv6PMjJmjYVO1OXHQ"
    "yfJHiEick7EdRFOxlU1vDJAIzTF3zdEi2JQnkk1+cgz3ydmQEbIS6I67zoT02ltK2SsIcC"
    "jFRhPdaBQyw6YrbGRz/cYIRaLF8kSLBWBxmDOnW9yEJjtMeFdmW8SWWCicpN9xDb4pky6i"
    "RbXXz7rglvU+LFE8MfUiuDXE65itj1m0elpJVmyS1rd5Xo8/U4nBEklQacEiL1hz8sCqM5"
    "+oTFDlFnoajZPcLAA1lE12UDEbWcNPQ980Gny6iOcNh51GQ0qjIae8sNQ8w07jsVkTrPEK"
    "rmRm/Bc6T+l57n/JtOwGcHPg9JxHGXi8NLY4eNZyYosjR3FybHH09E/VtGVcZxmSJxjif1"
    "vn9ArBgdxLqltQsUm3f7HQyDCeKfv8XuaWZtiIIuz+EYgQ5vZp2dJjuIVX/clgAP0wnRk2"
    "0eU3xmvKiMgAP2RbttUXIk2x+UznidZqDdMo2JuI/gxth2FNdMWCuMh/iLBmEdZcXAHmQA"
    "NcRVjzMXI9TVhzQfycheP4lh2dcAJyf2UJllrMc7KFfloHCPISUOGnESvdh03bWmN7ChGW"
    "cHc63N0ofgj5YmBGFgfIBIMLzeCFxL9W0PuceoduWFCoiL/mUoe8X/V6Xzs3l8ilHurXXz"
    "rX9ILUvb9E8oTI9KKk6vR6+/66c3sLQ2X4zpoGo+970sOX3g+6IgzJmlAs1zi18s9YCOt4"
    "WQSFKGH5gqHSBGAnh1/Hgq+jencGsDmkJZTJ8k9Do1/SIRLdg0aZik5EydYKUCja0s670w"
    "GmfFOwCbbJseYl9mQI7uPS7zDCb37lYEP8FkfOOmadKHEOQlbBVnyZZKy5HLEOqyO0gtNF"
    "5nTABZ8x9itOKRpEhnfMgLcrLagBEhFKJ0pAbxNO352WEdIImYA1amTUjKyQBkgEnMvjZ4"
    "M+4A2jZ79b5BB12LRxs5HfKb9SeXR7zQHW464Bv4hHju4JeUDrTVNSTAPbYApMJ17o0YaY"
    "rhumdSCYBuTJFJjicBTthtBmi8ktpgawEuC4FrTdhuYLZtmq/Ex4ZjCPsKeTgUH/WR0QPJ"
    "jPVA4e/RUP710a/fdVNaznGwLHVoUT/Re8XV0W/fcMA+nXZF3K2dAU4X+tU4KhWQK+gI7r"
    "SgP+HTeHTqN5hoPReU+qZROTKAh+0sh9iNtKgdnWrHkAn4VUHb2q9gSp9LPxqiOZktEbKt"
    "Z4gYG7fwFRmbQggnYViRC+4wnmEiF8x8j1NCF8onzmNvsQELohZm/RHiETUKeA2iQvECqz"
    "xu4VphQuq+JsVvEzSrhVtmlhFXaVTewqKXpAbpioulST/R+IJLo2HN1malVMlQ3dry7TZd"
    "2YJNkdmlqZDeqPrRE+pVpkvXnia5HQtELDlo3Y5MgNeEJP6gvRQWXErmYJihNS8BtLOcO6"
    "2/KC5QbwtNcdPJGb4eb/TLy4+ngeQzR/Tai0QqUt7r53oMqNUGmPketpVFqRHpU5PUok8q"
    "VQWvNP5AP5JHvMeIRK1LSLhisLLVFoiUJL5HdShDgSjnbox5cs6Z1IR2RQBpkbkVzM1TEo"
    "IALZbDAdgoMVvVIOGq+/ocdHN8vt8RHp5IXqaOSnTIhi0RsynmFZtd/orXcUcUWFJ2ANud"
    "LZe75SuLMnL1UOuYfiIpk4XuJkKSGreSLUSKFGFndjPFCFQqiRx8j1NGqk0In2ohMJ7V0U"
    "NxGuz/ghJIqblJzBvsqRwRIUJNmdGWibh0vOlqBF9ZWUiC4IhFktCqZqSbJmWDw8VzVXWt"
    "CJugsZ6i4IQ2au+Zk2mc6gWHFGSCNkItVdmIdXQbq5eZi3bnOAFey8g8B0B7lgV6Ib+cVm"
    "TssSPT121XthpbOi81Mm/ttyvRaLAdVV7guJ+GPXcGQMnfNxa0SvXJwGSqeDYOOYBLnRY+"
    "QnnRBZxII2N1BDfRFlBl4IBb8td1nk+AyRaFWQo7Iq3AlHZFgW7oRj5PoBuRMKJtEJb0Lh"
    "vAnP9C35a3N1iWWftsiersr1be+BVUxmRqmh3vn7oN++dAWrqHiWZtXmXyqZ+WWkqao7PK"
    "XvYUrlvUQLZpS2RBVlz2rNxtyICX8ss18+3LVvb+MmNaIrawIbphSw7t15UUw0czO3U1HI"
    "4hXjSZYSFhQl6DMe3mNr9TSbLB2VuMuye8K8LgzBxTJVFjhOeG4nTrC8Be3IKwxvvkF2Lb"
    "tbA9cgt7PZHC9sYq+EPGtvwXDegCnMb1i4SOasLooS+cfOKkvcFp+aPXAYHuzpJiH5TmSa"
    "Cpve4eyJB2rdETa9Y+T6Adn0CsfxLRv1AqdhFgU+QFamYLk81Pe9G5xKjO1eLU4lxlXEy+"
    "Zvc3rBmkq1TNPglINP9pqEqTZ0nhTMqpfNd+Ii4ei2yjF9rAJwTnbMCAqbnLDJHbBNLtz4"
    "YcOQwZRNH4r5e99tqCCsyE+aYZgPxLbp27k/lojRMj6ousxyyZbBGMZLVpAgjfnyotYEc2"
    "KrDv+S0bxM3YV8DgXXTy+C1QngQb9YXqE609GIVUX0iWj0xmyHzLrofnPzN9/aCJZFw7Gh"
    "PLvxihyLWKzincdNi2vdLMRLicDEghwTVWHEPCJzljBiHiPX0xgxTSLDQaepU5XD9+UWii"
    "jt7pTq2rYYnZ+BYmaqhqnabxKcnnzL8OqIutgkOwztGKumZWc8uCqfuv2HAZ0OaId6+0un"
    "fXOJ8IT+fKIiSRrjcSuF7biVaDpuRS3HczTZC3nGNY6UvnzVJ8+yu/V/tuWs4Tx+AK9Ye1"
    "Z16V+OYeM4xn976N0nGOojdNHzRJVt9B+kqdbW0A3IcSNH1ajsb32Ex+5DjAOcQkeJv77f"
    "3bX/Hl3617e9q+gZARNcReOi3S8gLWdR4i8giXyH+//JoaTNg5ZvOwove1MzcGKNzwVRBN"
    "QxUB2sWYBrBux9v7rtoG/9znX3oeut9rmIxG7CpUWmfL/Tvo2ibOhPa8AcpBI4p8DZxIrq"
    "WBLHP5AsJAZIxAbBcb66bXPXlUY45LtD+fQAxBAWXCHNTDJWf/LgTRZE4pRCFMldFCmOx2"
    "e1fe8w/D1ZQoZX+Yb8VrJb9gwVAfqc/UIb+zN+sAjjSoIjw7tbXenBcAOV07suahdk6JwT"
    "qEPQxBfMY0DOAtUI3L5Ai8DnS2bjX0Q9W/QzgkMJPAbGjC4EBWFd8dLtfP8B3SXMZ66XYt"
    "fPXxqN7ZXZF3HWwkUhjNXCRSG4vp8mtQktUpa0qU1qj1KGiOr8E86L3wV4R3mm+TemdWWS"
    "zFpngbRNeF5ptE3VkkAmjPNjVQlTn0oUMM1QwNQVv6URJ0g7eXMJEZWvyE3+W4wHWHaZKE"
    "QoOl8XRwKKC77FsZIVl6kiLrpI9q8EqG1sPhGbW0Q8Q2j0QJWfyeF65+LB0aF6v+zLbRg8"
    "XjqEthk+7oHFMbUuYEw2swb4lb62RfOi0QrGW880LJNFZ/J56HWsMfkl/BlIHkbyhMjPHy"
    "gljEQQkkH/SC5vsYsHrw7yjrVRp3ur7VgVOuzPCt23VcUrlCxa3wl7a8HPzwO1vAl76zFy"
    "PY29VVRNzZy3KkqBpDB95F8KJHPz9H30Td8mvrkHq44IRxNOXrpzghIu1/OTFMv1/CRxuc"
    "KtI6ut3P72rUdX1V3nfnAZ1BWG+o/27dfu/SVyQ8aj2sl+3F6ezrEmQxbUO3SDvWIVMpEz"
    "6g6VH+3uoHv/GeBn9EP9un17y6pgUzUMqmA/dPq/sxEsnhRGfOnc0vsTCsFQv6GCxiVSqL"
    "441NtXDy57R5avo+2dk26Qk7R2J1QevTCIF0dEjWsmHsfWbIsapxbcLjK3F2mQS6piZ8mm"
    "3KxU9m44XaEbcKd/+8clot+JmNob3Ye7D+0rtm8rqgUvQ/fmb/3O5/s27MgzkzzpGE7bu+"
    "5td9DuU9Kpqql0V3srxj49Z4BF7IxuYQ5pgXlXGOewrfL0o+UpJT7NDvNItqsf5ZFGwqzi"
    "61jCQoQlNISV6ZyxDNNeg8UBMsHgQjPYrViROckuQFaaxuB5bIo6wSbF2lYpTda+4DFaEV"
    "qXIbSOFdiQXO19jR2LQy40oCJvXGtzWvD4YHjMstZcI9RarObRC44XnuNrs1rw+BB4jGcz"
    "TZVZuF7GCN445QaxS4fD4ZVRSiIsektw+oF3GSGNkIlFGjHBsZBnLxE/I7Q8WoEv1/mXDV"
    "iB6BJEgwFJmY+sCGWO2BahSohIPMkd0s0TT3hnWA6wfrfIAXqU0qIaObVDyNJ3QPffb28r"
    "SZJsDui2w7OVE+S4CJ8C59Chn9P2sKgXVE6geYJSCqgFxhkwTgPuesXHAmJDnBcZa5C1w3"
    "MdoIyRZleJSFlpuLFRityVaWBFxhY3S25xs7osUW7mWBNp5I9NnTDXHGNoUHKmnA6di5NT"
    "TK80SX1REgx8SDJBtgENSd7Q2NA045WYrGGJzjqW/CDXE2zT25YF1xRedtwWnjLUh/rjI6"
    "uOLE0N3Z48Pv7q/w39gR4f0cTQFJaGZ4xZHTMsswJnv1iIEWhvi+ms39gId6WiGVbNoU45"
    "7vVYwRRlDPjR94QGLAQrH+gN/cOrqdoEUYzpPcs2ZvTmWB3bEzYn5P0BOXvYR9Q3Xi0EBD"
    "ahrz4iY7oLLl4AvXt8lCdY14lG39zv6f0eURQI5Z4Oldag/QudU544+jN9YUrgmJZh0vEq"
    "e1HVTGwD82clgBSMWQAlCrCJhMAD0msONDVMJAQeI9c5PoxYQiB5SbIEJcdrBmnySZDYq2"
    "i2/ThNO6lLTFKQpr3rjjAHDC99nM1VLpIBDpCUEOLaSZrsNjoqEWR2L2I3dhSVeMpZ6uTX"
    "AM0OE6n86hNbB7qVBudWMsytGMq+/JQtfj5MVcIVnf+mcYD5gaaj62vkB/a/39+z7D+PPp"
    "zx96ndZTknY6yyjJObzm1nwJJQmMlhrc5e+eeWuJpmpp/EnEIUMl0toFBlnOOrSk4i8ceX"
    "JmA6tyx711YiGQ5HHknEM0wkQI2C6lmm1t2tA+Q73AzAtiaBbS3rhj3o3H27pZrh5dwON9"
    "Tv2g8PlOCebszhefe+NUcMe2n35whZ+dL9lq1wH+hmIs5NPsyW1zY+S35LmHKtzaVoQOeX"
    "5DK1nri2jyv1KRHQBU0uYO7X9OFCeVGrnZ01aydnjVb9vNmst07mwMZvLYP5qvsZQA6taj"
    "7qzPi8DvQBwhIt5h1z4J/GSFqmAvHhD1OVb8/ekmQtMb9fVvl6QVWiZZ6fnK1qNjEzIxsl"
    "E9DymlbqdmZgw0QC1jisxDSN7As2QiWATQA2k/vKJyjfCVar19OY/uv1ZNM/3IvutbpqTd"
    "bMRQ6Rimy24niC4wEAnsl3DTaHKQWXi8blWJpCllDO/AINr11D3DeTjInJHIOcgMP4oOrK"
    "wEPPwsf6ObtEqSMQG0qrRf89aYzpv6R2AhGC9bOhUz85p1fqF03FjxOEYDrvQSwKzw2xR6"
    "9Yh0A9UyUKYqUXeBGIW3rK6mL8IppORNMV2Mt7mHFVIpruGLmeJppuqacq4Ue+D+/UzhSS"
    "/B1OjkXMjJmrAZLdHmH7EUmz5qyul9fjWLzqkxkTelKmYRYS+pWpPIFll6Kp2kaS9Q3R1B"
    "divvEE6vm91XK04g5V1xSfaxd1lmBTGzqt0YgKufVxvR5sSMUChyHPBv4wiazOVHrh0hd4"
    "qwjb4PO2rSqaWk+qAmkt4G6oImazWSlZ7+QFuPktwZDo+bwit0VI44d0ch+mXCak8WPk+u"
    "HktsT5W6bkFhcvBlFmlH2qEuo9+QO9kCoy4BwiKiHM+WdgQOP0bDvGgqJ8/sQtZGvt3kJS"
    "aITzN5D4UcMZD74IWQmRrrXSQF1rJWMN9w4rjyiux9HdSlkjjehb5/6GpRF59NBWzLti+V"
    "f6nUH/DzfXiNjmmz9qwIbYLLmo+3un76UXgaUBUo6iKUjf771x0A7nEjm6Nxa+NMzRvpFu"
    "O4NBpw+zYIUymOrsJr3T7337xuY2jdmsKKlLvkEhvkQSY36CJCIZhBM8vEbY8FYDhssfsS"
    "1irLYcY5WYxP63h959gliUmMSuqLKN/oM01drabhEwB44cVbNV3foIj92HNRAgClkkfKTf"
    "3bX/HmXC9W3vKmpqgAmuou3M8FMmjdYfL9Z7qvVuEtY7K8uxGCQRx2J0h2ahQVm2jzlBMT"
    "YPeF55Ng/TeFEVYkomGWfaRCJ0W9pMymR/3Fs4QMH27BzjAVb5+EWx5VRu/vUKp+YXE3DP"
    "qloOjJkqf2IVLSuc4ID4oOrKKAEbRktulczUgQL10+bZ0GnIpDV0mo3W+dA5J63R0LloNS"
    "/Ac3/agDjYWhPqdLYCtTnnEbDe8+gl1sZcJkilajIyTAQ1xMGn/0Rses3yynlavGiBPb0F"
    "N2TA/3ExOEWogAgVOCQvzGE6jUWowDFyPU2ogLsJZxDV5wTCq5rCq1qcoN1iCJWHLKYXFN"
    "Kcw3F3Jqb32p+8evM8+Txwd7VgbmBpXrs+vVzekKkUPD5lMu+4GZaRWycnCylYR702cqMd"
    "kA3l8H1h+B0Vf70HK++Dte5/QwA6ep0QHT3TnVfny+Q7fwORN1eQTU2I38ckiAnx+xi5nk"
    "b83nnUXbEyirZe7dgZwXuNeB6iK8PQCNb5KIcJI0iPKGU+P6MY1v6F3R5WV73ebegHc9WN"
    "REbcf7+76vTfnTLs6SDVTgiYWAC3TgfwKLGoqFGcvYtzZOkbcZtDLvhdaH4Ll2NZbBnFRP"
    "RgXY4PU6s3s3uOXeGYMhY3qystGdbUkoyZDSXR0/cSbBIF7AiEdfk7OYEcYFxb+PBmE0j6"
    "1Z3piJiu9cAkMw0K6gxu0LuhU28oBLx/J8rgJjjDe/o1DTSFfnkPdw/g4lO5NX52/nxhxS"
    "jIdlYVVowj0meFFeMYuZ7GisF2eInhmsWUESET9gyuPWOjsjU5ijiursYg+WxinS/qxAal"
    "EHkCNNITEKWWfEBKoBJD46QeqYdyxj43z88WUgiIjr9YCBjmlUKZqrr6YWYa9JlTNFdF0Z"
    "RYFoXAgvbFILj4+YE80We3LwC9l3s6+QAbIAhO5wREpcaodgrPheCtxftQ4enx0SRTujTp"
    "2z4+zmetsjlnVBTDskxm9kd0a+hPH2xiTmHOi3oT3r95Og7OVkUzZ6Sp8gcv+Guo+y9l0Q"
    "dB72hPvHN0W9Xcns7M/aTaE4VK8BYV3aDVsv+3Trf5x8f3KWLEAsmZIlJMCHniuBdCnuD6"
    "fiLF9pdeXzgubz+/fn50x7FekigWoBGZYlHXlEblHAnknIy+wBDd1lyBcVznVw7WGRgU97"
    "IeFVFa4RoqztlQINdQ0Y6GEviGCgrpoca5tmczqjlj71vHTCbB29WlxhKTmORFpWoiXpCk"
    "D3etXRCwGIwboOU3x/VTZj/AkAIG6WD1ET59H8/7+sVCgaehsWFCMCqkflXRTIXuvX5R2S"
    "f6oyXohZgWHcgNd939G3BNC/7EMIB+mM4Mm+jym/RM3oSJQZgYDmhjPFBlU5gYjpHraUwM"
    "dHOfsj63caYn1/MIERWjpkepCgIxfC2CNV4Q7YD8TOo4GiYrQ3mgZb+0zt8Hy5Gf/9Bue/"
    "ef/eFRdoSRZ2ciiCUx2JPNbUGaMmC+k5JMVLQGn9xcCE+79cQpN9p/Cgb9rjcaKAqaUHos"
    "XUXRrdbUjgvYionHdsZdvnLTb38aQKlOSjvUH75f3XUHAyjeaTmjqWrbUAi0ey/1O793Oz"
    "8ukapLrtI31O87nZsH6brX73euB93ePWUbIYpFMTBNwg6gof6t/fAAk82wZcFM/c7f6GC4"
    "YpJ/0kFwDU5x+hY/6ARzGxuMvO50f3dHykR9gZHwPdrX151vbAbdsCXXZQz3FtcD17596/"
    "d+Z3VQqcoBJZ1YIdTvD1BD1f2OFlRRXYxl9GwoXLvp3HfdGqm6Cn9fd/qD7qfuNZVMpDuq"
    "wV8imZi2OgZdkEhTrBCK1cPDd6BRLctZr/RpLU3Sdy056bsWS/r2VNAMlvsAxe7s9qfb2r"
    "Lz7svt/zLWyygJ0QorcnHE/7jWB2WNNVXnHALA5QSBJ0CzjLu5cLYgjc6AWVFZ0YNBYvsu"
    "bCaYU2t+qZ8raQrh8srg8pI1TFecIo0ySe1hqvLJ7flndipEZkuUikfY4p21yZoph3R3UQ"
    "mVPZgFtqOcUhSVNZumBynFiVzkEznqIMmwp3FIxca2emOjqpCpOESCMop00nV+YAlTiF9a"
    "kX9pvtq9Br8jpILPReazPCHyM+XVlKJvqljjVIJf0vqARyxsjuvbHF3jFVgUJTeDIcsJxy"
    "XO5YwrUBLTeRrz2Hmyeew8Zh7zDYZr7HQRUrHTFXmnAxHEt7yktuYEaI7ZmuPBsIk1J2EK"
    "Yc3JVM3Ic1hIPBND8jKO0m19KRdlk+Ks5QUWr4b5TOely/ItS/+b5AlEjkN0wdLt25kSaY"
    "krNUmFCNOVT1PP383nOi6xRlEjswzrOUYnlnHMim5MZxC+vVbYZ4RWCImFFhLdHqdv0pRQ"
    "NiVkFq4O/+BMU+AtrPKje3/T+wEBGLpivA71u3b39hJNscpkscxl61PsbMnJh7HUQ8glYM"
    "dsdo2YQ1pgNhRGI3aDV9bY60KEYqMr9kY3w6Y9JbqdMU8uRiiy5SI/H5b4kxHVII0ANAIo"
    "tPTKiGeARBT6jOzuNplmRDNAIhZnXMVl+XsZIY2QCViXpxwHsyRF2vGytOPIwgqlHvep2N"
    "DvXg8qsQ0hB1wf3FpcXW+2ksIb2ApTQMuO9Ryw/Qzz/L6Iyi4puEEpKAW6C1E0B4hvQpOV"
    "FOCY8J4CZRClcsD3izfNQYpcK4ENyJsJkCZXewiZcA36DOAPxyNx5VF/+tonWlKK16KMgz"
    "9TeUAPm4VU+ZlsCtOATVJShJaE9GRcSn65iztvxhLtkFFTo26p80ImuWA2mM9ZVtRkY5rD"
    "jtVneYXX7lxlhcr3tW2+vNg0ZYUpkFe5IVKd68VUJdrmMxWIWuBK6JpxEtLKfVR7OhkY9J"
    "8U2IZmKxGy61XTmh+Oy6tqBc/QNNW1Qqd4qv4r9bMzKJYNHVwbzTqU5K5fXPiVrKAylTPT"
    "DKwQhbVrNYljQbPWsaoRVs4KRpjkX45q0hH+06H4N5TRZhoat+vKbp7KLaGFwzXLfGqvlL"
    "8oorUnG6koonU85ZREEa1j5DrH05yohSb1Y0mMS4sT7i4wbZuszjk2bQ4TuxCDNzk4JkYo"
    "aqGnq4Vu2XTgE8magBohE2inQ1tUHdtJ1TFrgmv1Rqb1PKco4VLeQu9v9X8523NyloE3XJ"
    "x53Hhs3QYfFkMlw5KN0omFm6YCgKk+qTqVE0BXzypkcIlLCPt29mQb2w7HAJq+BKHDy0va"
    "ZjkZ38iT0R5R+f7tttdmRfn8GdJUGIzaoVJxKvfEG9eWJY1NI2tcXZxSBCtGdvpAhcVs2M"
    "YpBbaxhDHfbJoR2ziliF9cHr8YMVFvGEsTadJxmACvjKmJr7KC9lEJuPiX+37CsQBpvD+R"
    "iIRU/p/aqAENWE9Oh079TIHGr43xue+JeZ1AD/sXokDbklAnE3oIMS8MS7qFJiZYN8DHUq"
    "U0REfvFqb39/SWQq++cR1BO348xyMkHD77OVqEw+d4TP/C4XOMXE/j8KHHk8FvvresdNWC"
    "poTWgfyNMi5gpqFlssaEqUoI9GkjjQMi+uMI+B8aUaCZbp65fkmYqoRA529FoRtKZpiDNA"
    "LkVKaqrNWpRVHqDYpSCwuLsLAIC8u6FpZwRgDHshJLGUhjUQlmK6TqVDvCpxDSSur039OT"
    "8dBpXcinwcawMC0xf7EQNLw3nxFV1sGQsQhidaNboQMdYl8dwlrD5g9ug9qdPViYUAqyvV"
    "WFCeWIlGlhQjlGrqcxofhbe0YrSoSshBpR/oaUfYcnF8yznHekljsqa9RQmKp8EZznaeJk"
    "z5PDZM9jUbJTYllUis4CcoCkhDtF/SSN8YSOSgSZ3YvVejK0F8LZlJfWPg+SiXrnGeqdC/"
    "uJsJ8I+8kGESpulQB+UMq8gkCy1cSgmjIrCSyFChdkMJvUmhc864Wb7Tu3XxgzVVeZ9YLd"
    "8R+GoCJ5JmPJ1h6XJu8YyEXOsbCfHNx2d6CatLCfHCPX09hPAjtxjOvJGVchIpF3xes/BB"
    "BlVeZDRCXUNM9qKRTNs1qingm3omqmMP/tKrnNFQX5MK/OsQqQFxnuSvvbt37v986lJ+uS"
    "oX7Tuf/jEilEf4tK02kYkXOLD3nhwk0blxIgEYEpIjBl35qHMKxkAfjADSuhooIc40q06G"
    "AaA0u05GHKSm91MH1AtbXWSD6lV04bzWCEiEW5h9yuPAhbYNggHwJPqqJnMqMDdFZlza8c"
    "/4uFXrFGsU6o87b9Z4qAlIJsa1VhUDki1VoYVI6R62kMKsFk+sxFVzi02xLZy9SXPqudpc"
    "Qmlvz1/uy9JDdsIbmGoHDA8L5gTXXrmvBPCT7EYaoNm5QXbUUvgZjTpdyFwtFtldN7ZRWC"
    "c7Kj7vMuqjSKKo17hFlUaTzEg0tUaczTW3hw5evY+ZnRDEMX2m335hIx2qHe7/ze+wqF7E"
    "zyYjx7lfD2617x3mQNnT1MKTp6F0dFj1tmfF6NMh3CYaryHcP5HxEuYlJSKv0qqKVSZdTv"
    "IOi+IL7Kgq3yTWz6AW8JuGn4cSZLnCZBIuH9Ff3ART/wArvSs/cD32fAQjF32U3jFehroP"
    "vvt7cVzuabA8RH0bo6dOpk7rG81XCQRR9EXjBIqEtimlCQRZfG9Nk2F02F/qsQwqIyzkPx"
    "GH6ABcuCofPqT+jd6Yf6e5bqgmRjOgMkFUT3wRdVJr+hEVZgsIWwCdVDNM14pbedGTfxZn"
    "dPFlEhBTmXq0hEhRxPfICICjlGrqdKs5GppBJn+MMUa1qyydwnKpPN/KzWbMzN5fDHMkv5"
    "w1379pbX1CghCH5ZP6MyBcHvwJakWhIVMeIQLy3fsCDaWvGGXcZ+7KZ0gyu8Sc6Mbh68oq"
    "7JmR1xyhKs7V0nePiyM8CYzSEQpxROgdVOgSBq2YWgOLVwtRVH7omLu8rc4JLRyhsjFHbe"
    "yA9pQmXHjKAGSIR/JyLv2CRrT7oAiVicwrdzzI3o9hqiLdxmhXWbzdNPo1ttDrA+uKbwrj"
    "dbSdENHDIpHJJKyL8lnGWr8Y3JmSlQBjEqB3y/eNMcpLi1EtiArJmDDzKlz72nk4FB/9mK"
    "x72Qp952CgRs5OX9RkzL0LFGNXncJzjsX0waU13ak8IbLTFnGrgJUvp7e26bzPEYAZHrTA"
    "14W/15Ecwb99lmpl7td/0zelzSf+mQPyvsOYFrwkG7dwctMH2tSHAsnHSVghmr0rhmhc66"
    "FZ01uLOlxTRIIwCN2lYy9rI8hC6WFVbihr4o9L22CHoysW4j7IU1ufVv8FoZQvk3ulxh01"
    "6SxrnCpl0kfxFjCOMClXTCauX+fUiJpu9k7JNN34VF3Vcz94/3M/2WfLBXZyf6tIXefdrf"
    "vt12r9uDbu/+MljRfKgH7khfug+DXv+P0AhpokIi/NtQv6MiTL/bvr2ct5Ub6je96+93nf"
    "vBJaJMdNb9AdXSMLSWzNBavClyQe3I5TifiWxQHTprSdoAUaF/K7BFBVZBNdRFcZNlnv++"
    "RXRlZqjZIsWCNIXnw8wx6WIkdMsh9E0VhHWFSlGOGwyUXVJKE0dGRy2RlVgcWcytsp9sg7"
    "Zpq+4rxpt6eLeqy6xO2B2UztSUvMeIYPzC7NEiGF9YfEQwfpm5niYY31btbAaUOUGR5YHC"
    "BHhaznSKzWylxBYkJYhgjhYRSyVV1ZZIVbVYdP7IUDgAJ0eK++NLsYB3HSEuGy/ElByT4/"
    "NflnASICqwxWndnJPTNL1c6KjknJPTWDcXL9aFUwjrbw+9+6VBmLzyV4oq2+g/SFOtrQWw"
    "BMTfkaNqtqpbH+F5+5B+AaPlaz+6zCNHK0wQXftQWyzhrExXmGy3RYwrionHdkbwKzf99i"
    "cw0QHtUO/eS/3O793Oj0uk6pLbKmiof/t+ddt9+NK9/3xJte4RZfKE8ml+HcqYeZeJMr8q"
    "fWp3bwO3pDFWtfUKneXvxqAi0sTIWtEmRCQsf1naUS3zIC9rR3X0ofkuPAnZcauafJUpNS"
    "5aNjXNlkBHLSmbGtsULIJNeSLZVJLMIl9GyEqA9a6FTP+EyOY1CFOVT8zMXzt9JfIE25Jn"
    "280IN5e4fKhvpe61h11GNSpMVT6ot6JHzQXRNQybUdqdpNcWJFuo4IbMuP36hZgWNw4+sa"
    "ZIgGJ3VUVOt/VTyrkMt0hW3lV2nchT2lae0n5c7b32J7cwgznATxWOwz08oLq0vB+WvCoP"
    "pmTjp/Q9HuXWxdA5J6fK0Gm0Tpr0yqhJFlX26FwskBTLsuHoNpo5NgK3tV89z0TYRj8IlU"
    "XsKpqqpknXoUJv0uuOohK6BC1um8cdPZYTRvBnxZgR3V0O9DFu0oiIKxBxBQex8x2oh1nE"
    "FRwj19PEFSw247Ta7YKifG0e8zfd2K7kkDpqwx1eCpd3pOlNmoiCVnJAQatIUZq99h3Rnd"
    "89vZQrOgYHrBIdqYTsSJ6Wm1p0bJ0SDK26LzBIcudUnmudKTK9clavU3mudt6isl2zJvtS"
    "HVRptvALldO8J0FuMAh5smPZxhTBS6B33ipgQbmUn4oKD8Qau2u958mSe3sPEaMqZEkhVQ"
    "hZUnC9ILJkUtflRMNuYtPlNe26+226nLNhF066OJbJQWX++N0HlO3HkLuV0LGs8RrlDdRI"
    "VZ+7tqQ+dy1en9s/0rOVLA5TlVA1yl/rPDhnalE2lYIfuXFJK6AbuWpkxlDkJHoRlpzL2V"
    "IYe0WfzJjIybFUuLeqK2wUJh2lpswrXVgFaphq//WGQqCV1Ini2wBeJ9gOOZiwbr0S00K2"
    "gTB6Jm+vhqlU6UdmDJA1VX6GvywZ65CwjRHVhee+qCVGiZ08fqgP9cdHurhsotuPj0i10L"
    "+HFVhQQ/oy9BP5aQ8r/xlW1CnlDvtE6a0hfe2PHz/+hd55/bGsXw38qwfzx9nb+9/Q46ON"
    "nx4fq/SFCX2IRewq/QlOVdvyqstQxsE7+69iIRmb5hs04rLZV8RP6N2QlRG5/C+ZsvW/h5"
    "VE28mfFYrf05Mrj1MMhINOGFUOULI6TPVaGFWOketpjCqBTXmddKYAeZE1p8rXzh8/ev0b"
    "qfP39vXg0j+DJfKTyhlD3b973bsftLv3D4sBcOzSZWAN9evb7vXXS/e0HuoP1+37S3ZiD/"
    "Ufndvr3l3nEr0STTama9YZyTuVyTti02rB3vDSGRq2Ere9Q69rwXTbbThdI/qmzY2AXKpi"
    "2vw2dsI2mcU26Z/i2axnYaoinwF7tZ4VRlF/kCkzrulfFa6yvrhdXaGwWzBSAq0vfZ9pUm"
    "uA416uDZ1GvXkCDv2WPHSaZHxO/22dnC5CRNn06H/6CJ7gnrQ6KJ6q7amjVlDDroIu6l5Z"
    "hJDqsaTifbzDUPe1/1fVnrDbbN5fLFfB/ogGZDqjK8d8Y8+xEPk5U00CIbCPj+5ni4rWj4"
    "8iKkEo0EKVEgq04HqRFGi2mWeRmOYE+QhL+w1KEEWWN7NLfGnf3l6yqtZD/Uf3/qb345LK"
    "CbpivA71a7ou293P95dIxtMZVp/0YlgWRMzx1tRfL7WbQsbNtkyMdIrR7S6R9YBCnmxVfi"
    "aZCh8vKEq4fGv1eqpiKfUlxVLq0RWcsZbBJkUMjhDdhTqYVcQMU4qgm+JIlJygGxHHtuee"
    "KaJd+Ob1DERH0A06gvJbUCYgDYZJTlTelUf26WufaPOGnnyUPcvvA53pAPeJJLT/2oEtnU"
    "GWbEv3EU1hS5+zMY0tvVFrjFx79dBpjUYnQ6c+rtdDSXAsnGw8t2O7RuzXicHivcB4DIbs"
    "KVYIGKWnntG6CoUYXieqPEEKfuPFvu3wyWl6hy78EOxd8ZvoEyos4EXerA7UFios4MfI9T"
    "QW8CLWeCiVmgIngO9S5oh5hqERrCckkEVII3iPKO0BAr4E4Kte7zb0u7nqRivNfr+76vTf"
    "nTIG0EGqK3FzSt9hjv4N2xgfam/4sr2rXFDD3hMtlTwXxrI2N44SimqBy7XrsNi7oY4dif"
    "s5THxX6tqxNZZV496mNtkmJtV8KhxF0rtTXdqWbzGmME35Ep1VaT1UHg+L6/zOxT2VrEMl"
    "VrJNFqySS9mWQbLaiksFflQZEPaGlxDd01Qp+adLUvJPOSn5Ip77aPKB//r/UOso0w=="
)
