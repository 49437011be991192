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
        DROP TABLE IF EXISTS "push_oa_followers";
        DROP TABLE IF EXISTS "push_broadcasts";
        DROP TABLE IF EXISTS "push_subscription_grants";"""


MODELS_STATE = (
    "eJztXW134rgV/is6fNnMOWwKJLwk0/YcSJgMXQJzCNnt7rL1CFuAGyOxtpwMbee/V5Jt8C"
    "uxSSCG6EsCkq5kP1dI97mSrv5bmBMNGdbpNVpAk84RpoVL8N8ChnPEPsTkFkEBLhbrPJ5A"
    "4dgQxbVVOZEOxxY1ocqrnEDDQkVewlJNfUF1grnAyL4ooQb7W0UNMLIrpfI5gEDTmZyuUj"
    "Alj8jEvD6wrhrQGaSAPGELWMh81FUEdIrm1ilvUiMql8XTndRuY/1PGymUTBGdIZO18fsf"
    "LFnHGvqGLO/r4kGZ6MjQAkjqGq9ApCt0uRBp9/ed60+iJH/ysaISw57jdenFks4IXhW3bV"
    "075TI8b4owMiFFmg9cbBuGqwovyXlilkBNG60eVVsnaGgCbYOrqPDXiY1VrhnANHyqa9Yp"
    "Rk+Krv3dfTxfUUXp9YfKXXuoKIWIVvljhFThJqkE8x6h8/7BwPnu1LsGRaQWeANXn5uDk7"
    "PaBwEDsejUFJkCssJ3IQgpdEQF8GukVRNxXBRIo4hfsxyqz1E86kHJEPqaK3rqfdhGC17C"
    "Wg3rH4YHrgffDgAvsBfU+thYuvrfoIBh57Z9N2zefuHNzS3rT0Pg1xy2eU5FpC5DqSeOvg"
    "j7zTvjwaoS8Etn+Bnwr+C3fq8d1uqq3PC3An8maFOiYPKkQM3XVb1UDzVWcq11e6FtqfWg"
    "pNR6XrTuYeRTu/v0vt86m4Oi+r6aQTPhF+6WD2mZobWbMXWXWp3Db4qB8JTO2Nezygat/t"
    "wcOONpJaSpnptTEVnfA9CK/xmg9cq/DrRv/ZMJgFuuNFKgy0olwivyvn/n1sHkwTdr8YQx"
    "VB+eoKkpgZy1IiwKJxPFJAayovpoucKffhogA4rXjOrAteLueEUDVk8Khbg9OS/6+O71Ni"
    "/VGww4gKRCkiCNZs0r83AKxHAqXom3zVty8foMDSPOGhbpG+3gGSuR2gKuVc8mI7tagWX2"
    "uV7SvM/Vi0qd/T1rVD3bldmca+uVtwGIyQxaloAQ/QtlRquT+sRsUwTYKKtr3BQHkH3jxi"
    "zS4mzkvbcvrWhpRUt7SlrRUuvSipZWtLSipRV9zFZ0+xtFJoZGh9uCOl3GWdSRMhuta+SW"
    "VnSnuI5S29rVi3LN8wo3EByP7HM00Tz7lmAEDDLVMXBrXoITiAFZIKxrRWbpMkUS92ML6f"
    "9mWIMv0LKAZY//jVT6AZAJL8Vs3ThDe7+Nx1jZvxcWJnlk1YvBxJUr/CGNb2l8H86ccphm"
    "mDS+36PW0xjf/iE5aiW2sT0XOu8wPCBWUUT3fvk8W42FX9psRBwqt51e58ugfzNo3l6CJ6"
    "TOIFXmOtbZe0xNOB9ht1y/ucomcJV63+v0e6sMMSWOcKvd+Uend6N8ad7dXYKxMzkqCzY5"
    "hmfhtyEB3kybgQf4RPKs1LemAn6U2YyvxJkoySCvJfaHcWFXlkgQ4dp5CoBr54n48qxQJ0"
    "bMtqAKwmoU4iEzyRP6cUBqK5jzSaJip572P4eBWcfD8+S2+c8PgZmn2+/deMV9+F91+60Q"
    "7mxcnOhGjBPhH3f9XjzoPpGwLcA99/8Dhm7RnXXwtQ0+tnWD6tg65c2+hQnOIdqskDD2of"
    "mdVxBWCGdYsQNNMhfyibwmIcrvL+EZ7hPx4ATRjUL7iZhIn+Kf0DJiDMV7ae7dag4T0oiH"
    "hiWb8GnFyf0dir07e2NEnbmueXfVvG4Xvie7xHbp6xGox/h3PG0k+3T4C6X34qjn1ZFdU8"
    "vlkV2vVhrsc+Wsvt7h56088uVJ9g+ZC1O3EGDPjOlHsGAtEQwN4LyUWJ1k85O5XLBuAiDl"
    "4jTWf7OnZuX6aE6GqaJ00bwjsi5dNO9R62lcNJpuLQy4VLIu5oXlJMt8lmWyTmTwz6yNR2"
    "REwe5g+rxLLFpJCHkd74z+lLIBX+ixLsukRrjVvOtcXYLyCP/cHnQ+ddrXl6AywnfDAaOK"
    "l+AspStryh/0x7NKvdZgueI9+Jf6BkXd3Ta73U5vGKMK0XWzcv6IoKT92Wm/rimsn4+ZmZ"
    "8R/YigRP8l6IsXzjLox4i+igZytE3m9Yf9BcMn8zgTEJK9fAvXogAwcw8Pie0I+WPq3rql"
    "QMZ5H2OsxxYhBoI4YSzxy4VwHjPBXRkxHvb77eOtfr8b6OOtTrgT39+22oOTsoCeFdIdr5"
    "dju2y1LSy4hWj7XWFxO5gOjMAl7g4LUCFksO5ovhiva6eeNDjlc5DeDBOByoQYBnl6IUz9"
    "5idRTSpn9iECZdnjVeXK1ITuyfEXbM/0VXjD6zumX+IuffdiX+st4pZrIcaF788ubvLkOx"
    "tt56Jkeo++hqoj+3xSVfmmyDFkKedV35l9USmAqkps74i+QaYW0DF40umMleC7PZ6IqQGI"
    "NUBE1dAAw/7wS6wrf9ftSR++9OFLb6704Uut58SHzxeYs/rv/TJHd9bp9Vnu4S2THDDYnv"
    "2hzKA1y+S9CQseIdyVajUF3qxUIuAiL4g4JXShbLcLMkZU+iu38MpLN1pO3Wh7PleZt9Hn"
    "7Qi7ACyJrntoPkfWV9p7nqo3AS8MZuwJwXi5YsoO3S8CSyULpAFKeJy9dUw9xpH/IkKFiP"
    "AgJxjpnBSDv4GpQcbQ+BCl6DtsJ/ZgpKie55ouZlog5CGvTx6UlAz+gMakA+VyksG/R62n"
    "YfDeyLzNIUlPNs9cp3DVbQ9+ugQMWfNhhAftnzvtX9qDS2CiRx09IXOEPze7XeW22Wve8H"
    "Q+KSmOecDymte3nd4lgNpcx+HpNNWZvFqaI3lh/ftO5NUi/oDVFJrxuExE8AWT4+FQpmen"
    "wTWyQvPZMPWJSDRDJxuFEZwNTr+MPNK1+UjXyrZ+4Zmu0BLkYUL77NEuf8+KP9sVP8a+As"
    "DBMO8HORQ8C29kbnke45kb7/OF6HphQ48TV9/8kqcTiQM0YePUbEgeEC7E+EkC+cVNrhLT"
    "KalQXjSlt6SPeRhUIQeEnBOjyQnzZCHL4gT8ZALnurH88BEQZrcDnVrg7nPzx0q1BnQLWJ"
    "T1s5i4ra9btdyukJNptCidHe+I9kpnx3vUehpnhzNwZyQlAaHdspJ97lt4JZbnRFRSHthL"
    "xLuREpheSC7PLqQtl8tf3/XjgZaRVAekZAcO7z9gVl7m7R5BKbmL6dmNNejbQmdK2GK+DU"
    "oe4Xx7uPNr1KwyCd3SrApKvoKa88n4j0PL6JGNf1tpOSAptZw3LWfYprRL/1LfpmPyrf2Y"
    "cHGmP7u4ybtEREEFPWa6O7PRqI3sal2b8FMsDSegeG11igUDUR3fJeMe2wMnC9uaFYGBtC"
    "kyPwD0jbVgLAHBKvoInkydUoT5IRd+0486g3iKfrBYz4XYgsKBEnvH5ts8hXRZ5cZGlS6r"
    "9+O8kC6r96j1NC4rMcw7yopoPZmfBqV25Vw5JoIKp0xpUwZH1mjXITmJdZpTNkuDwBiYNw"
    "RfXovI4MuBoes1gi8v7DHDb7bV5BKW3Qupy4mfMeeTSa44XVfwkjamZuxlVf7s4iZO5/Ab"
    "hc1vZpYrqsZVfj/UWC3zv+MSS5lUq4FbohCcXDrkCGKCdRUagP9WgIlUHpFAbATQkKrzPQ"
    "BFMCOGxi+L0nnQYawB7gtGltgREBsaYd/tSyIniZw06SWRk1rPCZGz0J9Rdbf0aQcnXvLy"
    "Z4yWtwyy+7aLi0743ItK5eysXimd1RrV83q92iitgulGszaF1m11bvip2oAm4yLt8nkzM3"
    "UOiR0fnzsvpeBz56VEPsezIndEGcxeEdHGMt8VFZKUcS+fpc/cUoyCnBwnwSt/FHts9hEd"
    "IVeM6TObEQuJhEnkpuFLM69gCrLU0Cq1kV2rV1R+ve7ZuUdTODmxmHIMBEzyxFegzCU3wB"
    "HjHwZRH6wisAhg85aNsIqAE7DZYtTkkX0hYAoXFr/FRbOdHz2y4pjS/hof4RHuEX6+HbRF"
    "eNFLoFNOpAQfm+isd4MHtBT1sl6o2qbJl9wmumlRt2ULOIY4F/RC2Bmsr47w16+d3l17MA"
    "Snp6eAsbirfu9Tt3M1BNd9wH4Hnzu9m69fBXNjL4bBHCHKmnXekilavCN/rV2Qubs5NIxE"
    "uyN2HD5gs2P7qP3JxI2aCCmW/p+4mCkbTLqA2P5uTzgK0y5Xg3KPfUkelEVumkEZs5yULq"
    "xbZD6woY+Nj5VGZWTXS+ML/8jI3T/cRcRHLpXMF/ygEL/DnPe4SyBu7AAlcTsWtwZcb1HR"
    "zXgA1gJiC1T+9cCzH+MG5j23HzM2OyPuj+LMDRsdLcC4F6NnFhKxTE5EVUXAIXWiqH/4yE"
    "Zj7oRxRllGiC0K5wtrhJ+IbWhgTtjT0BlrQSM204s7w/wH8ffgnw1oTpkMEFpbJZJpcryT"
    "1c0o66d4WXyTTYNJ2nHaHXLzPkzvhR0mj+gJN+Nsnirf4CacPM+XazR9/T9Tnw7KHROqe3"
    "Z+xG9ob+kYmst46BM2s4+X1JmiDgz2TQi6q6IrnshoYqvTaw5+jSeKrZhV1Navw3YzP1bJ"
    "nT7FSBuyyTaJLoZKpLFOLCEimGPqdbb6uI542O+Sxjhcg9/pGeZwbAL9wXLmWT4vm4TP8l"
    "QYDnPCT5AzviUadgkVMwC0SrVavnB3NnJKFscb99iyXFuTa2tylUWurUmt52RtLT/umHfD"
    "pPxnvghNOEC5yd4MiEmjM4vRGej6nl9DmceFCt7U+0OSkm1t/RNghmHGhc+1xFGsyu16yZ"
    "Pb5ZDaZuwAnzzGBMTkGJNljMkJsW2ZBGoqtGLPAa4zi5voLD8Xp4y9sump7ASeMxJ5pjEq"
    "eVEqQ5ZSR9X1bVaYUF1FTB5zykhscRhv4l4sJy61Umc2frA+gq9fVdu0iPn1K5jDB2Tx1U"
    "IGtz3nTxjLZffYtCSzksxKWiPJrNR6Tsisc3Yvmznpl5HRaJ41J6lOk6KeJ3Elmv9Q57mB"
    "lzVHY2PnJgPsEzlCiCulNHtuWankm7NK0V23tqYjNzZu6v22Ppn94VxwY/TuHuhGGpwbyT"
    "A3Iih79tN4mak7B6SOsEfvgOJTxtRjXFjprqJYS++xW5s2xhyybIgXBve9Xqd3cwlc+RG+"
    "ZpbEJdAIRmEymEYXrx9o0OGMmTr8SmKP+O9nTNmB+UEojNlrlOyp9crvz0Vb2hW0jn+2Uj"
    "6vnzfOaucrt+wqZZM3Nup5dVwgCrFjrI1EPINCEtQcba+9doJZxR4RX+UVn/X2uTGxMhwQ"
    "r2mNBvtbqk3Y38pFVTjeKkmHtVfBt4gIGK/qC2ZW0UsRVwvzbaiQUjRfUKsI5tZU14rAma"
    "CKAJkmMeN8fvt/gNgtrH4muapXXtInXYKHZKoepnNIugTfo9YPxyV43Kdq8xxo7aiI/tqq"
    "yIBzQOgIYX59xxVZIJxtxFhL7OgQ/lF1Y9fSzuQkWYscH8Kv74XiBMbIHpExJHaESFcaaa"
    "CuNJKx5nmH5X6N8jh+GnQL7+uXdu9aeF9d+RG+81IsL2XQHg5+dVy0iJpLr9RQFKEjfN3u"
    "dn5uD9rXl170baSN8Kdmp8uTJlA3+Pf7nluu2eq2L4GN3bL8pXkdzWul2x4O+aXDGjNdmY"
    "IZZzfz4QH23AcZvGp+EelTCzsqhRcmiuamDborka3QzFlMnDfZlyt8XZnMeU/g+GaNSrWa"
    "Zg26Wk1eg+Z5KVf6kyP5Jq/0y0i+rxDJF04z8VevvOzvqfq7ycML2SjLtOgXkdNieIS2LW"
    "RmvM/OJ/KClYOc9d3t1wgiC3dBcKPIZr5i+95KdTV8PhF99optX3cKXLHN2ge9+273re7Y"
    "7jc/uRv6CzFrob7c4rOroQQqq8MBaddDq+WaOrLPJ+U6P4gw4X/L9bORXVMRD2RdKlV9dx"
    "H1m8BxHvF4OtQ9iWCBE2J6pxK0D+IIPlRVYmP6EXDUwROPfPaAyVPsDUhv8ATyLEROBrWi"
    "XPh8R0tgcuHzPWo9zcLn3hcx3tc5CMse8+caozjPFCEGgjjhYG1AMHyylknuyOnrJez5XG"
    "2/3w38YFqdcOTg+9tWe3BSFtizQjpN8EitgdtiJIsIywtU8zN2xUxZ+EXajhGX+s61vqUv"
    "Q/oypC8jLjyhM5CJ974xYfytztFCxWc9G5ZPRplyodQOjsYYVkb2Ra1UDe29PhOf6+dnnn"
    "thRp4Ae7UlmOtY/3FhEtbQHKwGZzBHlsXe2wLQcSpAVUUL1rXAhJhif7a3IyE23P0bPUbs"
    "5m/vR+bfQiG3fksPiOTC0gMitf42oQ3fbhNc7rS8+11wJpqz5txdZakXeH0ycoU3Nyu8ee"
    "u+R0CLcgrp1rzoqnl31bxuvxUtaiJTV2eFGC7k5mwkQHBd5jm6kwzoK694vpfLSl44Oiab"
    "9o/I5Pc7Z5nqfSJHOM3vZBsX/1FlQNgtfoTollMFJipvCExUjgYmOrRNoW8z57/a9s83jd"
    "zw/f/sKX2K"
)
