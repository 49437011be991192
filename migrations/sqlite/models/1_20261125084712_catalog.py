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
CREATE INDEX IF NOT EXISTS "idx_service_ite_is_publ_19610e" ON "service_items" ("is_published");
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
        ALTER TABLE "departments" ADD "sort_order" INT NOT NULL DEFAULT 0;
        ALTER TABLE "departments" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "windows" JSON NOT NULL;
        ALTER TABLE "halls" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "address" VARCHAR(255) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "opening_hours" JSON NOT NULL;
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
        ALTER TABLE "departments" DROP COLUMN "sort_order";
        ALTER TABLE "departments" DROP COLUMN "phone";
        ALTER TABLE "halls" DROP COLUMN "windows";
        ALTER TABLE "halls" DROP COLUMN "phone";
        ALTER TABLE "halls" DROP COLUMN "address";
        ALTER TABLE "halls" DROP COLUMN "opening_hours";
        ALTER TABLE "halls" DROP COLUMN "hall_type";
        DROP TABLE IF EXISTS "calendar_overrides";
        DROP TABLE IF EXISTS "service_item_life_events";
        DROP TABLE IF EXISTS "service_item_halls";
        DROP TABLE IF EXISTS "service_items";
        DROP TABLE IF EXISTS "catalog_audit_entries";
        DROP TABLE IF EXISTS "guide_versions";
        DROP TABLE IF EXISTS "life_events";"""


MODELS_STATE = (
    "eJztXW1z2rgW/isavmw6w00JCSRN770zJKUtu0noJLS7s8uOI2wB2hjJ65dQZm//+5XkF/"
    "wiE0yAGKIvrSPryPZzhHSeo3OkfyoTaiDTObyEJiIGtLuPyLaxgSrn4J8KgRN+kVunCirQ"
    "suY1eIELB6YQ0oPaGg2qi9tw4Lg21F1WYwhNB7Eidke3seViSrhc32s2UKPvNY7Pmn3vTK"
    "8d85LTE9D36rWjEwCBSVnbQDep49kIUBug76xNQC1EMBkBA86qYMiKKUFgDE2TVzkQF2hi"
    "ubM3wB0jYGD2Ilh3D/lbGVTnf5HRS72AR/DfHtJcOkLsns1e448/KlxCvB2cVf78k11gYq"
    "DvDEd2l/9pPWhDjEwjoStscBFRrrkzS5R9/dr58FHU5K0NNJ2a3oTMa1szd0xJVN3zsHHI"
    "Zfi9ESLIhi4yYhojnmkGag6L/A9gBa7toehVjXmBgYbQM7neK/8eekTn6gas9xxiwzkkaK"
    "ph47/B68WqatpNt6fdtXuaVsl0Ff4aKeUFRTolvJth4nKw/vnhtzsHRZRW+AMuP7duD46b"
    "bwQM1HFHtrgpIKv8EILQhb6oAH6OtG4jjosG3SziH9gdF0+QHPWkZAp9IxA9DC9W0UJYMF"
    "fD/NcWghvCtwHAK+wDjS4xZ4H+Fyig17lu3/Va11/44yaO87cp8Gv12vxOXZTOUqUHvr4o"
    "G0j8sSZqBPza6X0G/E/we/emndZqVK/3e4W/E/RcqhE61aAR66phaYgaqznXumcZK2o9Ka"
    "m0XhathxjF1B68/VzrfAiWqluu6qD6Ih2vR7+ZwXWD6l2gTq4iMVrG5iFHm1L7gTWoScG7"
    "oNREkORMSxnhFJQDJr2Dv5AFEF50u1eJH8NFp5fs7jdfry/atwdH4lfAKmFXFHdueino2c"
    "/QYe+VgfxyDG053nOJFM7s5TcFc2VTs31lAr9rzPYcuWP251H9bAHq31q3wgJgtVKDy01w"
    "q+7fSyLMLTOtmKUVE3mGuRX83negPz9hWHH7dfggtatCszeJ7EdqIzwiv6CZwLfD3gMSHU"
    "nwDNjK56CZnUR0Xjp/RRtOI3s/3p3Yp7MPRv5ocNm6u2x9YIMxB3gA9YcptA0tgTS/Q+s0"
    "VRLVzd6a1CfpEkjgSIDDv4K/cwD6B2RB250g8d4ZAhm7W11EHY2o3tKc8V0NnbF/G+hsTt"
    "NChgVGnIIS3h6YN81IGHQBnRIHOMh+xDoCbESdODJCuObWJWxP0buXGIWqit69IkNf0bvX"
    "qPVl6J1OfW/msvZyWH891vLTY+omtZqwlo/rSxjLx/VcW5nfSprK4v8C0Ib1t0dEtgbuRq"
    "iIxVAqBHAksHdUb/2d16G2q1HbQHYW4Q5x5QAnhVIoY9/23QTKtU2BPOJv8K/60cnpydlx"
    "8+SMVRFvGZWcLsDdd09k6F4+PYmh78LhULOp6S8dpfxHgfDHX26RCcU3ZdEOeMcdb+iWtb"
    "M/fDDpa+PM4pkQ+SSlw1rawXE2F6VNcl3hYJCw3NDxkM9vOXkvsBp6POx7jTo8YtenNSO8"
    "bryrn4pFykbISeOritG6IwSsACH3rcvIqF86ZZwTAWY9YYNTbADZX5ykIkO+GLrF5/dJn9"
    "zfT1k3olPn/h5ghy+3sjYBHYJ/+qwPTgbI7rPX7AvY/SuGNGVK57xbG9nUs5x+5cd7cH8f"
    "rMhqY+rZfnN9wlqJ+ZZZTb7W2q/U3p3Xan5zR6fikin/8PDwT17iQNezWW1RmRf+AJiAC4"
    "T/4uu9wrBXvF7xesXwFK9XWle8XvF6xesz6K6yxChQkoLcZpZQZiEsu+AYNrBFru+bewVt"
    "gsqHzl3vtnPZO48syD5hJe02K4m1WFQzzWUUkx6gYnppptXCxh42PEnIVn7Pj4nsncul3m"
    "gsgTCrlQuxuKdcWlsbtwNulYX357vujRzemEja/OFM73+CoG0M6DntGHjYdDFxDvnzXoJ1"
    "cIgSlk8I9MF167e0Di6vuhdpk4Y3cJFSSIKjFlFLRrAcyuGP3WnlrOSrlEe7r+6Pk8Xa76"
    "HnUrl4N+e8fNI/fA3JrEf5v0uGVD3TSfyifGhBYJX4Oi3lxU19q817IDK0uHnuQ0ptoY0H"
    "NBMd2hfTBORBgFaksaBOLHbLHdvUG43TklrUvDS4i5VrcfCj3pLrq25/d5FNoNnhHlfszi"
    "oSv3WmTnWRDxsFtTXsV8fL5/c03h01w5iqMwQHfe8EDY3Qi8yTZkw6wgQELc/AASR+co1R"
    "BRCw/kSDy9AD+wU6DnC8wV9Id99wVzGrxfCUubO3+3BpXo9l00ccLA8Gciq/RzmKd8n/sZ"
    "suQ+Uofo1aX8ZRHB+SV3G2xeXL7OGs/NpmI2JPu+7cdL7cdj/dtq7PwRTpY+hqE0ww+46R"
    "DSd9EtTrtqLbFEalX2863ZvohpgS++Si3fm5c/NJ+9K6uzsHA39y1Czoe75e3vERzrRSDe"
    "dE8sxFyqzUMrmt2YwvTYxZ4B6NJPbOe9c8WQLg5kkuvvxWqhMjZlu4GiJ6FuIeM8lz+nFC"
    "aiWYy8mZpVNP+7feYj9QNPNcdW8+hdXTzqEf6flhiE2JUzrfPRcTUY65tXtNOcMqmIEXE1"
    "knISrvL2H1FDwOVRbawil4X4NmdhPSJ3PwYh2qTDl4AnWJfyfURr5Ph3/Q8l4c/aTR95r6"
    "0VHfO23Uz9h1/fh0nh8XxveJ/VGIi2zLxg4C7J2J+x5Y7EmUQBP4HyViANn8ZM8s1k0AdL"
    "m4dG+WbT1WxfKVZJiqKhfNKyLrykXzGrW+jIvGwI5lwplWNPAsLadY5pMsk3Uik1+zZzwi"
    "yV4MHeI+7RLLNlLaVKjKDeuyTKpPLlp3nctzcNQn39q3nY+d9odzUBeRaIwqnoPjJV1Zfs"
    "bUcf20GSVL8T8W5UndXbeurqR7ufhLk0U5f0ZQ0f7itB8bmp9xUhT9jKBC/znoiw8uMuhL"
    "RNeigRKFdK9/2BdhlEV7ekJI9fIVXIsCwMI9PCW2IeT3qXtjR4OM8z5KrMenNqOby21xH7"
    "oQ+53ah26l4MlkCNHqQYCyCKYdI3AvksksgievEZ8vKxLHYfx2dZH/0I/mnIiay/sRDb7Z"
    "8smwofNQrAFkJSeN2D5bolEAdZ164bZaJh05PAF3it0xq8HXmKfUNgAkBqCiaWiCXrf3Re"
    "pA3PTzlOdQeQ6VD0l5DpXWS+I55MtaRb2GcZm9ywZev229e87ZHQY7tD+0MXTGhThjWnAP"
    "4d5IRqpLXUtbLfZKIqq8JCv4AhV5Lyl533LyXtlGn5cj7AKwPLoeovkUWY+09zRVbwFeGY"
    "zZG4LBLGLKPt2vAkenFjKAS/ne2PN9sBlHfiu2ARNbfx0QhDkpBv8BI5MOoPkmS9E3+Bxp"
    "OpZont+1A8yMxDblYjt6lZ6lGPzujEk7yuUUg3+NWl+GwYcj8yqpWaFsmblO5fKqffvLOW"
    "DI2g99ctv+1mn/2r49BzZ6xGiK7D753Lq60q5bN61PvFykkPvmAbvX+nDduTkH0Jhgkp5O"
    "l8oEWvs2SfMptGCQfkZQHZajjh7aHJq+EVwMzriMSiRZnEgS2dbPzCRJLUHuJrRPJpTEe5"
    "Y8o0Q+xq4B4OTRTDs5FDwJb2ZueRpjdRbZ7p5FdouGbJwa9+gDIhWJnyRxv7rIVWL7NTWX"
    "V13SW9IlfItzIQeEnL8zjL+5jIMchxPwgyGcYHP25j2gzG4H2HXA3efWv+qNJt/53HFZP5"
    "Psyb7eplW4Qkmm0apydrwi2qucHa9R68s4O/yBuyApSQhtlpWU5MzpIizP38dFe2AfIXcj"
    "5TC9lFyZXUgrLpev3/UTglaQVCekVAdOxx8wK69wuEdSSkUxPRlYg75bmClhhfk2KbmH8+"
    "3uzq9Zs8qm7opmVVJyDWouJ+PfDy2jRzb+raTlhKTSctm0XCBMaZP+pa7nDuj39mPOYffx"
    "29VF3iUqKmrosdB592dnzb7XODWGPIvlzN/GuBllsRAgmuNRMux5+BHZ4MDynHEVmMgYIf"
    "sNQN/ZE8wZoERH78HUxq6LCE9y4af46WNIRugnh/VcSBwoHCiyXJoXegvlsiqNjapcVq/H"
    "eaFcVq9R68u4rMQw7ysro/V8fpqU2pRzZZ8IKhwxpY0YHEX32E3JKayXybKZmRRKYF6w5e"
    "tcRG35mhi61rHlq+UNGH7jlSaXtOxWSF1J/Iwln0xKxekumTVr0lHLM7DbJq4tPSgnW6m6"
    "iN/pfnUN8voam/LsAmflnDYRYgxr2Gjws9YNvt1pc3jCrgf8DPYz9m/ItqZjGjAmg11DN2"
    "JR/uOrYreC6ZjRq4O5gS1Jv9jSMxWHUxxOWfOKwymtl4TDsYmI5px/k0MqQoE9XBbfAHXT"
    "wxzYAvjKs2b3AeD1n+8jzk3UqVHIBZEQUjsDP9mLfWOv0DHFMRFFitdOikUHLmgQz0VUOt"
    "DC7BUcHP763OSVQsfmlhPYJ5MAYr0qkQTAng9uvl5dvVQWwCfWp9E3ZDv+d2fIfOJ+dRGP"
    "H/Ga2qNfdfntDevvULg42jyunXJK3TiNnzeLJxNPPAQEbYtwfgI4oj85QDz2PeeRJtbFRh"
    "oOsAKeHQpgSZbA9h7dJ31yfz9hXdrGDIb7+yq4v3dcZLFL4QG4vxcMkzVq8VOUWemQmiad"
    "guDMY+etj62jj9EEHlqz/M0awp9k8Hi1MYNyGuySDbyb9FE5DV6j1pdxGjzOJ86kyjskZz"
    "+0mMT2zgPZpHL9sz7qRyenJ2fHzZPowI+oZNGpH9kDP1jzLl8WLxrsnZbbQ5/BBugsJQZ2"
    "Q3MuCXX+ln5JqT3wGiwakDaxmZ+JRtDUBtDBhXBPiSngCwM/REiLv2oB8CWiSgGFFRCRpC"
    "IetIRQOXxo/Hl740MTVLWIQiIBpYy1KyPhKSiilIxgOZSzV95m35fPyIBMNQts06TYHswb"
    "W9hzOnSGDGaFoE5IKRKwzLlQL7WEUjag92cNpaTIrryI8sI7KV3hIcrNc5vfrC5aPTFZtY"
    "I5bv7pTKeNI3l2GeBNAge7nliaAAd9j1UNJKqA/9XkEYyDZlP8NazVojWRYe2It3YERWv1"
    "5hv/oKeRTT3LCZclxDKII1tZKdGbqTjKkoyBVbUk8oqc42pJ5DVqfZklkaIhaOuNPivR/i"
    "zrD/ErerqUOlWqAA1yqO1q1DaQJAg4dzUvKbS9Bb3apkBew2re9lKZkixL4sK8hmTWo/zf"
    "7dCsFx19FpAs8XVa+pyc5Lfa/JgiNudGi1RJwjKkttDJA5qJju8LawL4gLJFegvq8Bb8HG"
    "f/vjtmRvxonBbXUk+SMj9WrsW1ER0xlH9GUOzzZKcEJb9+wTlB8S9dnrpxUvTu7PTdnBSN"
    "6COyiTisJ05jeMgZDyibsF6kYwuabw3MNa27YRqZnIGt+wGKSCkipUxqRaSU1hWRemlTZt"
    "O2viJS8w1w62dLoMtq5W+By++lA5wekeTciOUOrIqEt7hOGlpEBa2ByvXXm85l50vr6nxu"
    "XvXJh85d77Zz2TsHiXZffmti6tn6ygeJzaV3STHaZavXuup+iilIC8zedSmqvsz4VM8fn+"
    "qZ8YnTkGIhUqFAOYI+9ioih2OrDU04kmgkf8pISu1dyMeGpg0e4GriCXY1A84keOc64mSi"
    "yh2XDq63bDrBDuMDK2GcI61gTsPMY4WHqEhWSExCwZmG00Z/e2J3ecb1TLnpfkGpiSCRgy"
    "uVT8E8YA1sCueQOW13Lrzodq8Sc+FFJx2g/fX6os0GaTFEs0rYd7lmFQAti7InipPjRCBG"
    "kYlQKrzSfFiyzPCNb+jhaNG2fQV7fFp0Y5094xTY+b5uUcszoY1dSdhp/syYEFIjeGYAMT"
    "F0ijGamIjiNGvnNA6Ctj7WXPRd4lLOT4JKie0Bq9l2ApTu2TafCYsnDksk1UCTHmhKce56"
    "2Ry+G4lrf7nTl0sK7zOPX75t+67IRTHusQk1vZduyjgMxD/+csujOuTDxaLdfHfLEs/TQG"
    "JoyG5ftDpm6U2T9qTH/lhbPFY6eOh5UVmJFIudWsgsGpOV+NJ0RNY8yC0Zi5WOs0rHYcli"
    "tdYZi5UNWOAnoq9D8UueG7/bOg8/cll1x46bf46mIx0V0PHCgLsWsrE+rkhi7YI71UVhdn"
    "Be56n4unxNrDmGLdcWl5qIEvM7UHtpu+p6zO/8cLVclpPvLsynN/sQbbGRTGn+oyqAcFB9"
    "D9E9qtWWWZSs1fIXJfk96YZURXxXMZHt+65ehkiuzUu1vewByWT24/9rX24o"
)
