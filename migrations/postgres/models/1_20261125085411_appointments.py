from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "service_items" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(256) NOT NULL,
    "requires_realname" BOOL NOT NULL,
    "appointment_group" VARCHAR(32),
    "is_published" BOOL NOT NULL,
    "department_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "service_items" IS '事项 — a government service item residents can apply for or book.';
        CREATE TABLE IF NOT EXISTS "kiosk_devices" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "kiosk_devices" IS '自助取号机 — a registered hall device that checks residents in with its own credential.';
        CREATE TABLE IF NOT EXISTS "queue_counters" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "day" DATE NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "last_number" INT NOT NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_queue_count_hall_id_c76556" UNIQUE ("hall_id", "day", "appointment_group")
);
COMMENT ON TABLE "queue_counters" IS '取号计数 — the last queue number given in a hall on a day for an item group.';
        CREATE TABLE IF NOT EXISTS "slots" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "day" DATE NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ NOT NULL,
    "capacity" INT NOT NULL,
    "booked" INT NOT NULL,
    "is_closed" BOOL NOT NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_slots_hall_id_6e352d" UNIQUE ("hall_id", "appointment_group", "starts_at")
);
CREATE INDEX IF NOT EXISTS "idx_slots_hall_id_ac9ade" ON "slots" ("hall_id", "appointment_group", "day");
COMMENT ON TABLE "slots" IS '号源 — one bookable time window; ``booked`` never exceeds ``capacity`` (conditional update).';
        CREATE TABLE IF NOT EXISTS "appointments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "day" DATE NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "active_marker" VARCHAR(8),
    "idempotency_key" VARCHAR(64) NOT NULL,
    "queue_number" INT,
    "checked_in_at" TIMESTAMPTZ,
    "cancelled_at" TIMESTAMPTZ,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "slot_id" UUID NOT NULL REFERENCES "slots" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_appointment_residen_f7ee97" UNIQUE ("resident_id", "idempotency_key"),
    CONSTRAINT "uid_appointment_residen_bceac4" UNIQUE ("resident_id", "item_id", "active_marker")
);
CREATE INDEX IF NOT EXISTS "idx_appointment_residen_298be5" ON "appointments" ("resident_id", "day");
CREATE INDEX IF NOT EXISTS "idx_appointment_status_c8c13e" ON "appointments" ("status", "ends_at");
COMMENT ON COLUMN "appointments"."status" IS 'BOOKED: booked\nCHECKED_IN: checked_in\nCANCELLED: cancelled\nNO_SHOW: no_show';
COMMENT ON TABLE "appointments" IS '网上预约 — a resident''s booking of one slot for one service item.';
        CREATE TABLE IF NOT EXISTS "slot_exceptions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32),
    "day" DATE NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "start_minute" SMALLINT,
    "end_minute" SMALLINT,
    "capacity" INT,
    "reason" VARCHAR(256) NOT NULL,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "slot_exceptions"."kind" IS 'CLOSED: closed\nEXTRA: extra';
COMMENT ON TABLE "slot_exceptions" IS '号源例外 — a closure or an extra session of a hall on one day.';
        CREATE TABLE IF NOT EXISTS "slot_templates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "appointment_group" VARCHAR(32) NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "start_minute" SMALLINT NOT NULL,
    "end_minute" SMALLINT NOT NULL,
    "capacity" INT NOT NULL,
    "valid_from" DATE,
    "valid_until" DATE,
    "hall_id" UUID NOT NULL REFERENCES "halls" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_slot_templa_hall_id_b35ac9" UNIQUE ("hall_id", "appointment_group", "weekday", "start_minute")
);
COMMENT ON TABLE "slot_templates" IS '号源模板 — a weekly time window of a hall for one item group, with its capacity.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "kiosk_devices";
        DROP TABLE IF EXISTS "service_items";
        DROP TABLE IF EXISTS "slot_exceptions";
        DROP TABLE IF EXISTS "slot_templates";
        DROP TABLE IF EXISTS "appointments";
        DROP TABLE IF EXISTS "queue_counters";
        DROP TABLE IF EXISTS "slots";"""


MODELS_STATE = (
    "eJztXWtz2rga/isavmw6w3YTEi5JzzkzJKEtbQJdoNvOLjuusAV4YyTWlyTMbv77kWQbXz"
    "E2txjQl5bYemXzvELS8+jVq38KE6IgzXh7i6ZQNycIm4Ur8E8BwwmiH2LuFkEBTqfePXbB"
    "hAONF1fm5fh1ODBMHcqsyiHUDFRkJQxZV6emSjAz6FuXp6hG/y2jGuhbpdOzCwCBolI7VT"
    "bBiDwiHbP6gFc1MMfQBOQJG8BA+qMqI6CaaGK8ZY9UiMxs8WgrtVtY/dtCkklGyBwjnT7j"
    "jz/pZRUr6BkZ7p/TB2moIk0JIKkqrAJ+XTJnU37t69fm7Xtekr35QJKJZk2wV3o6M8cEz4"
    "tblqq8ZTbs3ghhpEMTKT5wsaVpjivcS/Yb0wumbqH5qyreBQUNoaUxFxX+M7SwzDwDqIff"
    "qorxFqMnSVX+57yer6gktdo9qdvoSVIh4lX2GiFXOJdkglmLUFn7oOC82PV6oPCrBfaAm4"
    "/1zsl55Q2HgRjmSOc3OWSFF24ITWibcuA9pGUdMVwkaEYRv6V3THWC4lEPWobQVxzTt+6H"
    "VbzgXvDc4P0wXHBd+LYAeIF+QaWNtZnj/wQH9Jr3jW6vfv+FPW5iGH9rHL96r8HulPjVWe"
    "jqie0vQn/zdn8wrwR8a/Y+AvYn+L3daoS9Oi/X+73A3glaJpEweZKg4muq7lUXNVrS87o1"
    "VVb0etBSeD0vXncx8rndeXvfb52OQVF/34yhvuAX7pQPeZmitZ0+dZtencBnSUN4ZI7pn+"
    "elBK/+Vu/Y/Wkp5KmWc6fEb70EoOX/Z4DWLb8ZaF/7JxMA96xUS4EuLbUQXn7v5YXNDoYP"
    "vlGLXRhA+eEJ6ooUuOM5wjDhcCjpRENG1B/XjvH7zx2kQf41oz5wZnFdVlGH1pPCIU5Lzo"
    "s/XtzW5l6N6wz4PG1NiOwpX5PWtIetdiFKrJmRElnU8KK3JqVJ+ArEcMS/Ens2e5ID2Ueo"
    "aYUYzsCvJ7KFMS2RmidUyufDvlUuwTP6uXqquJ/Ll6Uq/fe8VnZn+HRm7s3x2TMA0em0n1"
    "5AyPzFpFN7++oTncEjQMciVWGEBUD6F5vyIyWOSez8+YJrCK4hZp2CawivC66Rqk8VXENw"
    "DcE1dsQ16KyF0FtzqXt1pOpeTXvYeFOB9aAS42FNmD6zOm4RY2eHChN9Uzrhl4mFTaSvCd"
    "evrK4bu6pDxcvQyLo/vi6t4pDhkdCzjHj1GwCq4dZ10IiZaDKlaKw9ANK6ek5Vh4TXNqWk"
    "xjPtrTDUmkwQUc1ZIUZWipQpJklMyCktqXZxFaUWnMqXZxV3AbmG4KBvXaCh4oo8BCOgkZ"
    "GKgVPzDJxADMgUYVUpAgioI4nz8Rqpf1GswRdoGMCwBn8h2XwDyJCVMpAepzbt9uExUtMf"
    "halOHmn1fPRw7Ap/CgVq7Z+UUKB21YftqRYhFKhj9HoaBcrfJUelkga2JtznTYoHxDZPCv"
    "jeb59n6aTwrUF7xJ5032w1v3TaHzr1+yvwhOQxNKWJilX6PUY6nPSxU65dn98mcH71a6vZ"
    "bs1v8CGxj68bzU/N1gfpS73bvQIDe3CUpnRwDI/Cr6OEuSNtrIfjf9E+kzw79bX1sJB6I8"
    "VNURaD7FnsDuPCtmYiQYQrFykArlwsxJfdCjViROcWlHtiOQpxj07JF7TjgNVKMOdTSYwd"
    "ehrfe4FRx8Xz5L7+/U1g5Llrtz64xX3439y1r0O4035xqGoxSvqnbrsVD7rPJDwXYMvX/w"
    "JNNbamkPjm4ANL1UwVG2/ZY19jCs4gSnZIGPvQ+M4qCDuEMazYjmYxF/KZbJIQ5feXsIT7"
    "RJYxguhGoX1PdKSO8Gc0i0yG4pWar8ZBSaT0sg6f5pzc36Dod6ffGJn2WFfv3tRvG4WXxe"
    "tC29R6OOox+o7rjcWaDvtC6VUc+aLctyry2VnfqpZLNfq5dF71NgO44TcsRgcxsXyqqwYC"
    "9J2x+Q5M6ZMIhhqwvxQP0aHjkz6b0mYCoMnMzVj9ZkePFUFCOemmikKiOSKyLiSaY/R6Go"
    "lGUY2pBmdS1oiWsJ1gmUtZJm1EGvtMn/GItCjYTWwul8SilYSQV7cXlnGaDfhCizZZatXH"
    "1/Vu8+YKnPXxb41O832zcXsFSn3c7XUoVbwC5ymlrBF70Z/PS9VKjd7l34P9UU1wVPe+fn"
    "fXbPViXMGbblbOHzEUtD877VcVibbzAZ3mZ0Q/YijQXwd9/oWzdPoxphvxQI5iRTff7U8p"
    "Ppn7mYCRaOUrSIscwMwtPGS2JeQPqXmrhgQp532MmT1eE6IhiBf0JX67EM4DaritSYyL/W"
    "7b+HW7fRdo49fNcCP+en/d6JyccehpIdVWvey5y0qx0cEQotUjw+IimPaMwIkQ6byH0vH4"
    "+3vEJheFGJXVf7uYJLbaGwImvGR60VVB5b51MSzLLG5tAOmVi7IvAwuvFECZhzrbCVc0Mj"
    "KAisGTao5pCbYg/0R0BUCsAMKrhhrotXtfYtXWbT9PyKxCZhWCm5BZhddzIrOyNcCsEqvf"
    "5uD2ZG6eiOyfkr3HYLvzD2kMjXEmgh02PEC4S+VyCrxpqYWA83tBxE1iTqXVAtViTIWktI"
    "JwKpSOnCodO97/nbfe5/UIOwdsEV130VxG1ufeW07V64AVBmP6hmAwmzNlm+4XgSGTKVKA"
    "SVjWVC9DKuXIv/CURjyN0QlGKiPF4L9gpJEB1N5EKfoWnxO7d41Xz+7qDmZKIIEtq0/sZR"
    "MMfo/6pD3lcoLBH6PX0zB4t2deZR+ba5tnrlO4uWt0Pl8Biqz+0Medxm/NxrdG5wro6FFF"
    "T0jv44/1uzvpvt6qf2DX2aAk2dMDeq9+e99sXQGoTFQcHk5TbZuqpNk1Ffa/b9NUJaIHzI"
    "fQjDsaIoZrDI77Q5mWDoMestzz2TD1mQg0Q5vP+CQ4G5x+G7HrJnnXzXxuvea2m9AS5H5C"
    "u3T3jb9lxW+/ie9jNwBw8NCOvewKlsIbGVuWYzx28hKvia6b3vgwcfWNL3naNNZBQ9pPjX"
    "vkAeFCjE4SuF9Mkkp0u6RksqIp1ZI2ZumauR3gdnYaHTsTj4EMgxHwkyGcqNrszTtA6Lwd"
    "qKYBuh/rP5fKFaAawDBpO4vJL73ZqkW4Qk6G0aIQO46I9gqx4xi9nkbssDvujKQkYLRdVr"
    "LLuIUNsTw76Y30QL9EvIy0gOmF7PIsIa24XL556ccFLSOpDliJBhyOP6CzvMzhHkErEcW0"
    "NLAGPU9V6oQVxtug5QGOt/s7vkanVToxV5xWBS034OZ8Mv7D8DJ6pP3fSl4OWAov583LGc"
    "KUtqkvtS1zQJ4bjwuOQfbfLiapS4QXlNBjppOQa7VK3ypXlSHbxVKzcz5X5rtYMODVsSgZ"
    "+jz1EengZGoZ4yLQkDJC+huAnukTtBkgWEbvwJOumibCbJMLO5FMHkM8Qj8ZtOVCbEAuoM"
    "SemPw6byEkq9zMUYVkdTzihZCsjtHraSQr3s3bzop4fTE/DVptS1w5JIIKR9RpIwpH1oTE"
    "ITuBdZpdNjONwBiYE/LjeiYiP26g69pEftypNaD4jVcaXMK2OyF1OdEZcz6Y5IrT+Y/0jt"
    "taETzxO2FzhV1Qmp8ynobT2Qzqsla99LIRjAhlTZjvcHDqBKxO30nQMuREgZKoIdFZitgB"
    "IQ9xZG3T1QsWJliYmI8LFia8nhMWJs6c3hoZEGdO+zbYpwkZoKUSNthHggZ09LfFF1DdFL"
    "tRsBO3ecfai+3eydu9F+Rfk0Y6saaZ5IU440PIcrDtA7xUQ5oz04wtPmwqGnv6xp6L3Wl5"
    "6+W3sv/n9fao5BTeNTepdOgcsdO86SXtqRBJNXORo8MPWYyUFEJ0sZQUdmIaJak6LJ8xwe"
    "cU8jX6C3oFwUr0RKGfDC7nsCOfyZCfFM1ONbeVHvaHTxKKU5S29ZjYNB1uZawA/TCZEhNh"
    "eSY9oFmBOiJUwFXoeO4faQL1B1pPOItH0EaBTkW0HzItjjXCCo/p+1MoWULJym//tqeahl"
    "CyjtHraZSsnLDR3Hl8y3SUjYCxv7IFbMgunvTT2kOQE0BlP41oAgndXGXHQMDwAHun/e2N"
    "ooOQOw3M6GKfmXBwrh3szfijg8zyDFOe9Q4P4mOECrltLnWeqet2+zM7AM627uObj40bek"
    "Fi6aPkMZLZtgcV0+v11k3j7o4Vldl31jRWutWWuh/b32iLIJIxpliuMGptfsNhkONlmSiE"
    "DQ9Psq6lALu2EOtaRK8O8e4MYMeYHuCcbPMrj/RLWsg5+S2KdxMvSDsdNlvpoMq8NW37DM"
    "rS2UX1onZeuZgfRDm/knQaZXQZwOvwVhEVwsZin1ieR/j5KLaKq0O2wtN59vSrJUjM28i0"
    "mdQDTEnPCKfPRMAZCXSxFxwyQhoyE7CGZRiNZM444pkIOJNX8f2rZGuu4X81DjqDZ+h3uj"
    "zBpLtQuSasoY0JB4qub2BZEBUR7hM2Aa1TzYFi6usGU2C623yo+4rpooSoaaJ3thmS8lkl"
    "xsMtYj1FISYkxX+7mBSS8sAK0u/FSqaOSamdIXbWagle0n/PFZY34nxY7VuV6jn0h4yMVM"
    "NEOlLsg1zsh9jHsHLKbfj2JrlHsrLkpuQJA5masWOSoRYXrbL7FxA7pHIytykCEVdyPBEG"
    "Iq7kGL2eJq5EbOPZ4kqFc8hl1iyVITMBdQqoRW47oWQLJTvFxC9B1BJUdh0q+8pne/zKlr"
    "dviIVNTqsiVDZwv5jEZe2FctkumprM+vljbQDPKIssV09dFsmSF2rQMAGvHNir8GCkPtq5"
    "DZ0zShlxAgq0E2tAbCfe4AGrcex1B0+M3Xbh/kycYM9ocK04GlVQ2v3p9/aU3AhKe4xeT0"
    "NpRcx+5ph9sbvkVXaXsPlJ9kDGkNVKcYwrIX26LZg3HMUoWKJgiYIlxmdzZEv3cWkcnSX9"
    "hPyNtEQGMsiXEdHlnI6xXe1siwWrDrCBFTxRD5Knd+DHD3vrxY8fACOWEB89ywgpBr0hwy"
    "mUVXNGb51QxBWVPQFqwJ6dvYknhTt7ciI5jB0UvR1u0X33iYZ8I76gkYJG5rdj3FNCIWjk"
    "MXo9DY0UnOhVOJFg72LHvVj6jA5CYsf9gTvYpRwZlCC/ye5koG0OLhtWgryUACkR9QyErB"
    "YGUzUkWSPGKnlZPbsdJmWdX9nbrKxCyBRC5h4LmSLtai7SrjJtt/EsI/dtY8Vfr0BxmQos"
    "IbfsCnpw37oYskN3ypdnvrSobHywdATsIBz0TCsEBjIMJhiSoS9Yh4m5lPIlK78bfIbYr5"
    "KTfrwoVNkj0ueEKnuMXt8jVTZnMf5ClM2dKPtA3zK+bS5Pn+ja5nnBoHBz1+7ybIic2/dx"
    "43uvU7+yJ1bh6VmaVrv5NIhc3pYmKrbMmD1u3Qmd7y0UgsK2B5Qt7rxUrcy1IPZHkgzUva"
    "/f3UWVCYSVFYENWgpYX10DzieaG1Mt6VTIsFlt2lmCZ7HD5LXbYlw7OKlOqJRCpdxjlXLb"
    "0lsPTaYa5K8Tq7zN7xeXCm+mU3Ql3a0CS2yLXLU69DSxJ4QetJk/KtInhbmHEXl74opebh"
    "d32FmmxG3xqdnjL9mDHW4SmN+JDXtC09ufPnFP1R2h6R2j1/dI08udx7cs6vlGwywE3md2"
    "SDFHm6Dvry44HTC2r6o4HTCuIuxw85rTI9RUyjJ1EpPIePGqSdBqzcWTnKl62dZObCQsbK"
    "ox0scyAOdmx4yg0OSEJic0ufhTyJGuyuNCjBrn3Ckmnj3ulVmmvy0GdMNRZQsH6thfc8wQ"
    "7XhvPeUp9+PzYrHpEemGmm2RyGdygGSzVC6nWicqJ6wTlSOnEk6zEvsDRffs9DRNqMPp6e"
    "JYB3YvNI8n2Iw9kORTt91aMI/3TMJzJVU2wb9AU419nM4ngMvACKhiLqYn9/XvYbhv7trX"
    "4ckBq+A6bnawy8Hs5f+8+8CP"
)
