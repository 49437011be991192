from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "life_events" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "sort_order" INT NOT NULL
) /* 人生事件 — a life situation (出生, 入学, 开办企业 …) that groups service items. */;
        CREATE TABLE IF NOT EXISTS "calendar_overrides" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "day" DATE NOT NULL,
    "is_working_day" INT NOT NULL,
    "reason" VARCHAR(128) NOT NULL,
    "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_calendar_ov_hall_id_3fb10c" UNIQUE ("hall_id", "day")
) /* 日历调整 — a local closure or extra opening day, for one hall or (hall empty) the district. */;
CREATE INDEX IF NOT EXISTS "idx_calendar_ov_day_90186b" ON "calendar_overrides" ("day");
        CREATE TABLE IF NOT EXISTS "service_items" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(128) NOT NULL,
    "level" VARCHAR(16) NOT NULL /* MUNICIPAL: municipal\nDISTRICT: district */,
    "source" VARCHAR(24) NOT NULL /* MUNICIPAL_CATALOG: municipal_catalog\nDISTRICT: district */,
    "modes" JSON NOT NULL,
    "mode_flags" VARCHAR(128) NOT NULL,
    "legal_limit_days" INT NOT NULL,
    "promised_limit_days" INT NOT NULL,
    "fee_fen" INT NOT NULL,
    "requires_realname" INT NOT NULL,
    "appointment_group" VARCHAR(32),
    "is_published" INT NOT NULL,
    "popularity" INT NOT NULL,
    "aliases" JSON NOT NULL,
    "search_text" TEXT NOT NULL,
    "current_version" INT NOT NULL,
    "department_id" CHAR(36) NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT
) /* 事项 — a government service item of the municipal\/district catalog. */;
        CREATE TABLE IF NOT EXISTS "catalog_audit_entries" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "actor" VARCHAR(64) NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "item_code" VARCHAR(64) NOT NULL,
    "changes" JSON NOT NULL,
    "item_id" CHAR(36) REFERENCES "service_items" ("id") ON DELETE SET NULL
) /* 目录变更审计 — who changed what in the catalog, and when (created_at). */;
        CREATE TABLE IF NOT EXISTS "guide_versions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "version" INT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "conditions" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "fee_description" TEXT NOT NULL,
    "materials" JSON NOT NULL,
    "steps" JSON NOT NULL,
    "data_template" JSON NOT NULL,
    "change_note" VARCHAR(255) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "item_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_guide_versi_item_id_69abb3" UNIQUE ("item_id", "version")
) /* 办事指南 — one immutable version of an item's guide; applications pin the version id. */;
        ALTER TABLE "departments" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "departments" ADD "sort_order" INT NOT NULL DEFAULT 0;
        ALTER TABLE "halls" ADD "windows" JSON;
        ALTER TABLE "halls" ADD "address" VARCHAR(255) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "opening_hours" JSON;
        ALTER TABLE "halls" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "hall_type" VARCHAR(16) NOT NULL DEFAULT 'street' /* DISTRICT: district\nSTREET: street */;
        CREATE TABLE "service_item_life_events" (
    "lifeevent_id" CHAR(36) NOT NULL REFERENCES "life_events" ("id") ON DELETE CASCADE,
    "service_items_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE
);
        CREATE TABLE "service_item_halls" (
    "hall_id" CHAR(36) NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    "service_items_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE CASCADE
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "service_item_halls";
        ALTER TABLE "departments" DROP COLUMN "phone";
        ALTER TABLE "departments" DROP COLUMN "sort_order";
        ALTER TABLE "halls" DROP COLUMN "windows";
        ALTER TABLE "halls" DROP COLUMN "address";
        ALTER TABLE "halls" DROP COLUMN "opening_hours";
        ALTER TABLE "halls" DROP COLUMN "phone";
        ALTER TABLE "halls" DROP COLUMN "hall_type";
        DROP TABLE IF EXISTS "service_item_life_events";
        DROP TABLE IF EXISTS "service_item_halls";
        DROP TABLE IF EXISTS "service_items";
        DROP TABLE IF EXISTS "guide_versions";
        DROP TABLE IF EXISTS "life_events";
        DROP TABLE IF EXISTS "catalog_audit_entries";
        DROP TABLE IF EXISTS "calendar_overrides";"""


MODELS_STATE = (
    "eJztXW134jiy/is6fJn0OUyGkPCS9L17DknobnYS6JPQM7s7zDrCFuCNsWi/JM3O7f9+S7"
    "INfpGJTQMxRF8SsFSy/ZSQ6imVSn+VplQjhn18hQ1iatjqPRHL0jVSukB/lUw8ZR9S65RR"
    "Cc9myxrsgoOHBhdS/doK9avzYjy0HQurDtQYYcMmcAlKVEufOTo1mdzArddIbeDWTpv1gd"
    "tUK6fsSuMMDdxq5eQMYWRQaBupBrVdiyBqIfIN2kR0RkzdHCMNz8toBJepSdAEGwarcsQ/"
    "kOnMmb9DzoQgTYcH0VXnmD2VRlX2zRy/1gO4pv7VJYpDxwTKLHiMP/4oMQn+dHhe+vNP+K"
    "CbGvkGOEIp+zp7VEY6MbSIrnSNifDrijOf8WtfvnSuP/CarLWholLDnZrL2rO5M6Hmorrr"
    "6toxk2FlY2ISCztEC2nMdA3DV3NwyXsBuOBYLlk8qra8oJERdg2m99L/jFxTZepG0HuOdc"
    "0+Nsmzomt/8x8vVFVRur2+ct/uK0op0VXYY8SU519Sqcm6mW46DKy/vnvtLkHhV0vsBlef"
    "WndHp/V3HAZqO2OLF3LISt+5IHawJ8qBXyKtWoThomAnifg1lDj6lIhRj0rG0Nd80ePgwz"
    "paCC4s1bD8tQXgBvBtAfASvKDWM425r/8VCuh3btv3/dbtZ3a7qW1/NTh+rX6blVT51Xns"
    "6pGnLwoDiTfWLBpBv3f6nxD7iv7V67bjWl3U6/+rxJ4Juw5VTPqsYC3UVYOrAWpQc6l1d6"
    "atqfWopNR6UbQeYBRSu//0S62zIViobrGq/eqrdLwZ/SYG1y2qd4U6mYr4aBmah2zlmVqP"
    "0KAiBO+SUoNgM2VaSgjHoByC9B7+QlZAeNnr3UR+DJedfrS7d7/cXrbvjk74rwAq6Q6/3O"
    "n2Y9DDz9CG50pAfjXBlhjvpUQMZ3j4bcFc2tZsX5ribwrYnmNnAl9Pqs0VqP/WuuMWANSK"
    "DS5dv6jqlUURZpaZks/SCon8gLnl/973oD+/YFgx+3X0KLSrArM3iuwHahF9bP5K5hzfDj"
    "wHNlUiwNNnK5/8ZvYS0eXV5SNa+Hlh74e7E7w6vDDxRoOr1v1V6xoGYwbwEKuPz9jSlAjS"
    "rIRWaezKom6yaFqdxq9gE485OOwt2DP7oF+TGbacKeHPnSCQodLyKuqoLepl5oznFdKEvz"
    "XSXNK0gGGhMaOgJmsPLZsGEoYdRJ9NG9nEetJVgmBEndoiQrjh1gVsT9K71xiFypLevSFD"
    "X9K7t6j1LPROpZ43M6u9HNTfjLX88pi6Ta1GrOXTagZj+bSaaiuzoqipzP/ngDaovzsisj"
    "Nwt0JFZoBSLoAXAgdH9TbfeW1qOQq1NGIlEe6YjhjgqFAMZd2zfbeBcmVbII/ZE/xcPTlr"
    "nDVP62dNqMKfcnGlsQJ3zz2RoHvp9CSEvoNHI8Wihrd0FPMf+cIffr0jBubvlETb5x33rK"
    "E7aOdw+GDU18aYxQ9C5JGUDrS0h+NsKkrb5LrcwSBguYHjIZ3fMvKeYzX0dDRwa1V8Ap8b"
    "FS34XDuvNvgiZS3gpOFVxcW6I0ZwgRDnFwfIqHf1GTgnQWA96Rqj2AjDN0ZSiSZeDN3h/Q"
    "fmwHx4eIZuRJ/thwek22y5FdpEdIT+GkAfnA6JNYDHHHDYvU+ANAWlM96tjC3qzuxB6ft7"
    "9PDgr8gqE+paXnMDE1oJ+ZahJltrHZQq5xeVitfcSYN/BOUfHx//ya7Y2HEtqM0rs4vfkW"
    "6iS6L/h633csNe8nrJ6yXDk7xeal3yesnrJa9PoLvOEiNHSQhyGyyhxEJYcsExaGCHXN8z"
    "93LaBKXrzn3/rnPVv1hYkAMTrrTbcCXUYl7N1LMoJj5AhfRSj6sFxh4YngRkK73nh0QOzu"
    "VSrdUyIAy1UiHmZdKltbNx2+dWSXj/ft/riuENicTNH8b0/o8TtC25VkKsY+jqhqOb9jG7"
    "3WuQDoZQxPAJcD66bf0jroKrm95l3KJhDVzG9BGhqHm0khAshG7YXfdaN2t5KsWx7ut740"
    "SR9gfot5QO3u25Ll/0Dt9ic96n7G/GgKofdBG/KhtaEVbF306J+XBj72qxHkg0JWyce5BS"
    "i2vjkcx5h/bEFA65H5610JhfJxS55Uws6o4ncUll0bwwtAuuK2HwF70l1VPd/uYQy8RGh/"
    "lbdWdeEnitE3XKqzzYxK+t6F51Pfvuntr5ST2IqGoSPBy4Z2SkBT5ktmXGoGPdRH7Lc3SE"
    "TW9rjVZGGEF/ov7HwP/6Gds2st3hf4jqvGOOYqgFeIqc2bu9uXBXz8yiT7q/OOjLyd090k"
    "28T96P/XQYSjfxW9R6FjdxeEhex9UWli+yf7P0extGxL5y2+l2Pt/1Pt61bi/QM1En2FGm"
    "uqnDe4wtPB2Yfr1ea1FM8eLql26n110U8ClxYF62O3/vdD8qn1v39xdo6E2Oygx7fq/Xd3"
    "sEM61QwylxPEuRIiu1SE5rmPGF22JWOEcXEgfnu6ufZQC4fpaKLyuKdWICtoWjEFNNQtwH"
    "kzylH0ek1oK5mJxZOPW0/9Ff7QdazDw3ve7HoHrcOfQ9Pj+MdEPgkk73zoVEfsgvt14HP0"
    "THXMRMA4aVc/9dSGSThKi4v4T1N+AxqJLQ5t6A98VvZj8hfXEHXqhDFWkHHkdd4N8JtJHu"
    "02EvlN2Lo57VBm5dPTkZuI1atQmfq6eN5e64ILqPZ0cxHWLNLN0mCJ7ZdN6jGdyJmthA3k"
    "vxCECYn6z5DLoJwg4TF2Zm2dVtZSRfQYapsnTRvCGyLl00b1HrWVw0mm7PDDxX8oadxeUk"
    "y3yRZUInMthnuMcTEWRi6JjOyy6xZCOF3QhV6kKXBamBedm671xdoJOB+Vv7rvOh076+QF"
    "UehwZU8QKdZnRlefulTquN+mKrFPuyapfU/W3r5kaYycVbmszL+ROCkvbnp/26pnj7TfKi"
    "nxCU6P8I+vyF8wz6AtGNaKBAAd2bH/Z5EGXenh4Rkr18DdciBzB3D4+JbQn5Q+reuq1g4L"
    "xPAuvxpVR0S7kdZqELsN+rLHRrBU9GQ4jWDwIURTDtGYF7lX3MPHjylrD5siRwHIaLy6v8"
    "h14055TXzO5H1Fiq5bNRTWWhWEMMV85qoSxbvFGEVZW6QVItg45ttv32WXcmUIOtMT9TS0"
    "PY1BDlTWMD9Xv9z0IH4rbvJz2H0nMofUjScyi1XhDPIVvWyus1DMsc3F7gzdvW++ec3WOw"
    "A/tDmWB7koszxgUPEO6t7Ed1qDNT1ou9EohKL8kavkBJ3gtK3ne8ea9oo8/rEXYOWBpdD9"
    "B8iawvtPcyVW8hVhlN4AnRcL5gyh7dLyNbpTOiIYeyzNjLLNjAkX/hScB44q8jk+iMFKP/"
    "RWODDrHxLknRt3gf4XYs3jwrtXzMtEiScp6MXm7Pkgx+f8akPeVyksG/Ra1nYfDByLzO1q"
    "xAtshcp3R107779QIBstbjwLxr/9Zp/96+u0AWedLJM7EG5qfWzY1y2+q2PrLrfAu5Zx5A"
    "Wev6ttO9QFib6mZ8Os20E2jjSZKWU2jOIP2EoDwqRx48tD00PSM4H5xhGbmRZPVGkoVt/Y"
    "M7SWJLkPsJ7YsbSsI9S7yjRDzGbgDg6MFMezkUvAhvYm55GWN5Etn+nkR2R0YwTk369JGY"
    "JYGfJFJeXuUqsbyaisOqZvSW9EyW4JzLIS7nZYbxksvYxLYZAT8a4aluzN+9RxTsdqQ7Nr"
    "r/1Pq5WquzvOe2A/1MkJF9s03LcIWCTKNl6ex4Q7RXOjveotazODu8gTsnKYkIbZeVFOTE"
    "6Twsz8vjojzCS4jdSClMLyZXZBfSmsvlm3f9BKDlJNURKdmB4/EHYOXlDveISskophcDa8"
    "i3mQ5KWGO+jUoe4Hy7v/Nr0qyyqLOmWRWV3ICai8n4D0PL5AnGv7W0HJGUWi6alnOEKW3T"
    "v9RznSH91n5KOeo+XFxe5V2ivKJCnnKddt9s1gduraGN2C6WppfGuL7YxWIi3hyLkoH76U"
    "/EQkcz156UkUG0MbHeIfIN7mDMETVV8h49W7rjEJNtcmFn+KkTbI7JTzb0XGzamDtQRHtp"
    "XukppMuqMDaqdFm9HeeFdFm9Ra1ncVnxYd5TVkLr6fw0KrUt58ohEVQ8BqWNAY68OXZjch"
    "LrLLts5gbFAphXpHxdisiUr5GhaxMpX2fuEPCbrDW5xGV3QuoK4mcs+GRSKE53w3lJ23Qs"
    "4RE54eLyKk7n8RsF5jcrz8E4wxo7lWaonrC/wwpcGdVqkbNpCB5deOQIm9TUVWwg9ltBFl"
    "FZRgIeCKARVWcxAGU0oYbGjqjRWapTU0PMF0xsHhEgTI2w6/tLIieJnDTpJZGTWi8IkbPJ"
    "16S6L/Vxx0w9WuKrQMtrpvZ83cVFL2nnebV6etqoVk7rzdpZo1FrVhYpPJNFqxJ6XnY+sl"
    "21EU2K8nuyeTM3dY6JHR6fO6tk4HNnlVQ+x4oSJ9MYYK+wx8p/Qk1MUmbbe5E+M0sxCXJ6"
    "noSg/kHE2OwiO0KhGNMnmBFLqYSJl2bhS5OgYgay1NSq9YFbb1RVdqjn6VlAUxg5sUE5Bk"
    "EWfWYrUNacGeAE+IdB1Ue7jGyKYN5yiakS5KWJtYGaPMEXisZ4ZrOzIzTX+9ETW8SUdnfz"
    "gTkwu5Ttb0dtntTwAukOI1Kcj4106N3okcx5u9ALVdey2JLbSLdsx7+zjTxDnAkGKewM6K"
    "sD8+Gh071v3/XR8fExAhZ31et+uOlc9dF1D8Hv4FOn+/HhgTM3eDETTQlx4LbeW4Ki+Tuy"
    "19oGmbufYsNItTuE4/Aemx3r5wpPJ26ORYhi6/8V5UxZYdJFxHaXs/0gTLtCDcpd+JI+KP"
    "PSLIOySbWsLqxbYj3C0AfjY7VZHbiNyvA8PDIy9w9zEbGRS6XTGdsoxE5OZj3uAvFzAlCF"
    "n8nDrAHfW1T2Cx6RPcOmjar/fmTFT6KBecf3F4zN3oj7M99zA6OjjYB7AT2zCc9lcsSbKi"
    "MGqZe7+d17GI2ZE8YbZYEQ2w6ezuyB+UxdQ0NTCk/jTOAOGnVBL/4M81/C3oN9NrA1BhnE"
    "tba4SMfp+U4W5zEsn+LH8pusGkyyjtP+kFv0YXon7DB9RE85j2P1VPkK528Ueb5cohnq/7"
    "n6dFTukFDdsfNDHNB+qZvYmouhTwlmH84db4raM9hXIeivii54ItDEy063dfdPMVG8FKyi"
    "Xv6z324Vxyq518cm0fow2abRxViNLNaJzUU4c8y8ztYYNghL+13RgMM12UmCcQ4HE+hPtj"
    "fPsnnZomyWd7jhMKVsBznwLX5jn1CBAaBVa7WTcz+ykVEyEW/c4Z3l2ppcW5OrLHJtTWq9"
    "IGtrxXHHvBkmFd7zRZ2UDZSr7M2ImDQ68xidka4f+DWUqShV8KreH5OUbGvtnwAYhjkXPp"
    "cSB7Eqt+0lT2aXY8e1hAN8+hgTEZNjTJ4xpiDE9grMe+BtLVfTndTY0WSl8ip6q3rVFczq"
    "5w0kbdQJ8YI34e+p1gSyWR+dsQBPzEM78UlAOZ8n1N9nB4SSnXUV7L3zbl/mJPSZLf4dLR"
    "mHIGn3ju4pSa0ktZLeSFIrtV4QUgsTEbXy2JQLAWlSZtnwpwYnp+TAV3zWyiEAfFrNAPBp"
    "NRVgVhQ7V8ghU0BPyxV9GxHaHcylbZkB2+7FnrEnYP7pWylDInIrZWQu2MRWSt6BcxrESx"
    "GZRH5lznOGVBLZ/CnPifWkq6Tjt7aXwL6YOjrUqyKpo+H+qPvl5ua1ckd/hD5NfiOW7b13"
    "gsxHysurePyY1VSevKrZd4JWz0mQUqd+WmkwSl1rhHdi6tOp68V8+W3zvZcmYoj+ZCN+2/"
    "cotHXBRjOfZwcCuiC39O5uPeDxx1Po0pYOMDw8lNHDg+2Qme2HHD88cIYJjc4MqAVXR9Qw"
    "6DOyvV+G/YuHra1OyBQfz1KXvf9Y/CT928vjvKTTYJ9s4P2kj9Jp8Ba1nsVp8LScOKMqT1"
    "0GDEkc0gpg9eSscdY8rZ8tFv4WV1at9yXX9qB5hyVTypsiOC53gD6DLdBZamq6E5hzWTc4"
    "RqUOwGuwi02O0R2lY2woQ2zruXCPiUngcwM/IkQJP2oO8AWiUgG5FbAgSXk8aBGhYvjQ2P"
    "0OxofGqWoehSwEpDI2royIpyCPUhKCxVDOQXmbPV8+kAGRalbYplGxA5g3ooZptVbLYJlC"
    "rVTTlJfFsPadIcN5LqgjUpIEZCABr7aEUjSgD2cNpaDIrr2I8srnb97oI5J6OsKysLxykx"
    "9Uy3kywhkZ4oHbqJ2IzyRArElk647LlybQ0cCFqr5EGbFvdRbBOKzX+bdRpbJYExlVTlhr"
    "J5i3Vq2/YzvzHTS2qDuzg2UJvgwiTBpToCeTcZQFGQPLcknkDTnH5ZLIW9R6liWRvCFom4"
    "0+K9CpfpsP8eP/c0Ab1Jc0KMueJ2o5CrU0IggCTk8aGxHa3YJeZVsgb2A1b3dbmaIsS+DC"
    "vMXmvE/Z393QrFcdfVaQLP52SjxFSfRdLWLwOXexSBUlLCNqcZ08kjnv+J6wwoH3KdtCb3"
    "4d1oJ3Mo5X7kzAiB9P4uJK7E5C5gfXlXiWre+rc7SEXk+UoCX69unELfKm2akbI0Xnzcb5"
    "khSN6ROxTJb4JEJjgkxnU+hFqj7Dxi+azjStOsE2MjED2/QNJJGSREqa1JJISa1LIvXaps"
    "y2bX1JpBbgnlSbGdCFWqnw8rJ4gJMwuycDuG2604QxHgtzEmf53OY6aWAR5bQGSrdfup2r"
    "zufWzcXSvBqY1537/l3nqn+BIu3m1Uw9i2LiA1RIL/UkxXUtNaXjv6yXpfQ+KUa5avVbN7"
    "2PIQUpvtm7KUVVs4xP1fTxqZoYn6ZBourMIVKBQDGCPg4qIodhq4wMPBZoJH3KiEodXMjH"
    "lqYNFuBq6FPdUTQ8F+C9IjV0UlS64+LB9TOLTnUb+MBaGKdIS5jjMLNY4RHJsyskJCHhTJ"
    "4s9tXVYYBWgOsZYtP9klKDYFMMrlA+np4MGtgWzgFz2nF2sl7vJjIXXnbiAdpfbi/bMEjz"
    "IRoq6Z7LNakAPJtRuCPzLCo8ECPPRCgU3tKxY6/Io7aQ0MNWFoc95+zxcVHZ2bN39hmduQ"
    "a2dEcQd5o+NUaE5BCeGEEMHdv5KE1IRJKajZMam2BLnSgO+SbwKafvgoqJHQCt2fUOKP9Y"
    "OyX/zmGBpBxo4gONRmbY8oyNfKuSCUEZ2L46sH0JWBLm3OHt15HG9hPeF6PbE10sEulw1/"
    "Z8kauC3EMTajyZbsw69MU//HrHwjrEw8WqdL77ZYqnaSAyNCTzF62PWTxr0oH02O8bC8iK"
    "Rw/9WFhWZI/FXq1k5g3KirxpPCRrGeUWDcaKB1rFA7FEwVqbDMZKRixMsCHa451b8Z+gnY"
    "PXefCSWdXNwN2Aphc6yqHjlRF3LWLp6qQkCLbzS8qr4uzwss5LAXbpmthwENtbOQz0B83v"
    "9Hi1VJaT7i9MpzeHEG6xla3S7EeVA2G/+gGie1KpZFmVrFTSVyVZmTAjVR7fVUhk976r1y"
    "GSG/NS7W77gGAy+/7/g8/mRA=="
)
