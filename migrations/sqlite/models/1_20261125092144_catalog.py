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
        ALTER TABLE "departments" ADD "sort_order" INT NOT NULL DEFAULT 0;
        ALTER TABLE "departments" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "hall_type" VARCHAR(16) NOT NULL DEFAULT 'street' /* DISTRICT: district\nSTREET: street */;
        ALTER TABLE "halls" ADD "opening_hours" JSON;
        ALTER TABLE "halls" ADD "address" VARCHAR(255) NOT NULL DEFAULT '';
        ALTER TABLE "halls" ADD "windows" JSON;
        ALTER TABLE "halls" ADD "phone" VARCHAR(32) NOT NULL DEFAULT '';
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
        ALTER TABLE "halls" DROP COLUMN "hall_type";
        ALTER TABLE "halls" DROP COLUMN "opening_hours";
        ALTER TABLE "halls" DROP COLUMN "address";
        ALTER TABLE "halls" DROP COLUMN "windows";
        ALTER TABLE "halls" DROP COLUMN "phone";
        DROP TABLE IF EXISTS "catalog_audit_entries";
        DROP TABLE IF EXISTS "service_item_life_events";
        DROP TABLE IF EXISTS "service_item_halls";
        DROP TABLE IF EXISTS "service_items";
        DROP TABLE IF EXISTS "calendar_overrides";
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
    "gsgTCrlQuxuKdcWlsbtwNulYX357vujRzemEja/OFM73+CoG3ItRJjHQMPmy4mziF/3EuQ"
    "Do5QwvAJcT64bv2WVsHlVfcibdHwBi5S+khQ1CJayQiWQjf8qTutm5U8lfJY99W9cbJI+z"
    "30WyoH7+Zcl096h68hmfUo/3fJgKpnuohflA0tCKsSX6elfLipb7V5D0SGFjfOfUipLbTx"
    "gGaiQ/timoA8CM+KNBbUiUVuuWObeqNxWlKLmpeGdrFyLQ5+1FtyPdXt7y6yCTQ73N+K3V"
    "lF4rXO1Kku8mCjoLaG/ep4+eyexrujZhhRdYbgoO+doKER+pB5yoxJR5iAoOUZOIDET60x"
    "qgAC1p9ocBn6X79AxwGON/gL6e4b7ihmtRieMmf2dh8uzeqxbPqIg8XBQE5l9yg38S55P3"
    "bTYajcxK9R68u4ieND8iqutrh8mf2blV/bbETsadedm86X2+6n29b1OZgifQxdbYIJZt8x"
    "suGkT4J63VZ0m8Ko9OtNp3sT3RBTYp9ctDs/d24+aV9ad3fnYOBPjpoFfb/Xy7s9wplWqu"
    "GcOJ65SJmVWianNZvxpWkxC5yjkcTe+e6aJ0sA3DzJxZffSnVixGwLV0NEz0LcYyZ5Tj9O"
    "SK0Eczk5s3Tqaf/WW+wHimaeq+7Np7B62jn0Iz0/DLEpcUnne+diIs/yy63WwffRMZcw0x"
    "jDKph/FxNZJyEq7y9h9QQ8DlUW2sIJeF+DZnYT0icz8GIdqkwZeAJ1iX8n1Ea+T4d/0PJe"
    "HP2k0fea+tFR3ztt1M/Ydf34dJ4dF0b3id1RiItsy8YOAuydifseWOxJlEAT+B8lIgDZ/G"
    "TPLNZNAHS5uHRnlm09VkXylWSYqioXzSsi68pF8xq1voyLxsCOZcKZVjTsLC2nWOaTLJN1"
    "IpNfs2c8IslODB3iPu0SyzZS2kSoyg3rskyqTy5ad53Lc3DUJ9/at52PnfaHc1AXcWiMKp"
    "6D4yVdWX6+1HH9tBmlSvE/FmVJ3V23rq6kO7n4S5NFOX9GUNH+4rQfG5qfb1IU/YygQv85"
    "6IsPLjLoS0TXooESBXSvf9gXQZRFe3pCSPXyFVyLAsDCPTwltiHk96l7Y0eDjPM+SqzHp7"
    "aim8ttcRe6EPud2oVupeDJZAjR6kGAsgimHSNwL5LHLIInrxGfLysSx2H8dnWR/9CP5pyI"
    "msv7EQ2+1fLJsKHzUKwBZCUnjdguW6JRAHWdeuGmWiYdOTz9dordMavB15in1DYAJAagom"
    "logl6390XqQNz085TnUHkOlQ9JeQ6V1kviOeTLWkW9hnGZvcsFXr9tvXvO2R0GO7Q/tDF0"
    "xoU4Y1pwD+HeSD6qS11LWy32SiKqvCQr+AIVeS8ped9y8l7ZRp+XI+wCsDy6HqL5FFmPtP"
    "c0VW8BXhmM2RuCwSxiyj7drwJHpxYygEv5ztjzXbAZR34rNgETG38dEIQ5KQb/ASOTDqD5"
    "JkvRN/gcaTqWaJ7ftQPMjMQm5WIzepWepRj87oxJO8rlFIN/jVpfhsGHI/MqqVmhbJm5Tu"
    "Xyqn37yzlgyNoPfXLb/tZp/9q+PQc2esRoiuw++dy6utKuWzetT7xcpJD75gG71/pw3bk5"
    "B9CYYJKeTpfKBFr7JknzKbRgkH5GUB2Vow4e2hyavhFcDM64jEokWZxIEtnWz8wkSS1B7i"
    "a0TyaUxHuWPKNEPsauAeDkwUw7ORQ8CW9mbnkaY3US2e6eRHaLhmycGvfoAyIViZ8kcb+6"
    "yFVi+zU1l1dd0lvSJXyDcyEHhJy/M4y/uYyDHIcT8IMhnGBz9uY9oMxuB9h1wN3n1r/qjS"
    "bf99xxWT+T7Mi+3qZVuEJJptGqcna8ItqrnB2vUevLODv8gbsgKUkIbZaVlOTE6SIsz9/H"
    "RXtgHyF3I+UwvZRcmV1IKy6Xr9/1E4JWkFQnpFQHTscfMCuvcLhHUkpFMT0ZWIO+W5gpYY"
    "X5Nim5h/Pt7s6vWbPKpu6KZlVScg1qLifj3w8to0c2/q2k5YSk0nLZtFwgTGmT/qWu5w7o"
    "9/ZjzlH38dvVRd4lKipq6LHQafdnZ82+1zg1hjyL5czfxrgZZbEQIJrjUTLsefgR2eDA8p"
    "xxFZjIGCH7DUDf2RPMGaBER+/B1MauiwhPcuFn+OljSEboJ4f1XEgcKBwoslyaF3oL5bIq"
    "jY2qXFavx3mhXFavUevLuKzEMO8rK6P1fH6alNqUc2WfCCocMaWNGBxF99hNySmsl8mymZ"
    "kUSmBesOXrXERt+ZoYutax5avlDRh+45Uml7TsVkhdSfyMJZ9MSsXpLpk1a9JRyzOw2yau"
    "LT0oJ1upuojf6X51DfL6Gpvy7AJn5Zw2EWIMa9ho8JPWDb7daXN4wq4H/AT2M/ZvyLamYx"
    "owJoNdQzdiUf7jq2K3gumY0auDuYEtSb/Y0jMVh1McTlnzisMprZeEw7GJiOacf5NDKkKB"
    "PVwW3wB108Mc2AL4yrNm9wHg9Z/vI85N1KlRyAWREFI7Az/Zi31jr9ApxTERRYrXTopFBy"
    "5oEM9FVDrQwuwVHBz++tzklULH5pYT2CeTAGK9KpEEwJ4Pbr5eXb1UFsAn1qfRN2Q7/ndn"
    "yHzifnURjx/xmtqjX3X57Q3r71C4ONo8rp1ySt04jZ83iycTTzwEBG2LcH4COKI/OUA89j"
    "3nkSbWxUYaDrACnh0KYEmWwPYe3Sd9cn8/YV3axgyG+/squL93XGSxS+EBuL8XDJM1avFT"
    "lFnpkJomnYLgzGPnrY+to4/RBB5as/zNGsKfZPB4tTGDchrskg28m/RROQ1eo9aXcRo8zi"
    "fOpMo7JGc/tJjE9s4D2aRy/bM+6kcnpydnx82T6MCPqGTRqR/ZAz9Y8y5fFi8a7J2W20Of"
    "wQboLCUGdkNzLgl1/pZ+Sak98BosGpA2sZmfiUbQ1AbQwYVwT4kp4AsDP0RIi79qAfAlok"
    "oBhRUQkaQiHrSEUDl8aPx5e+NDE1S1iEIiAaWMtSsj4SkoopSMYDmUs1feZt+Xz8iATDUL"
    "bNOk2B7MG1vYczp0hgxmhaBOSCkSsMy5UC+1hFI2oPdnDaWkyK68iPLCOyld4SHKzXOb36"
    "wuWj0xWbWCOW7+6UynjSN5dhngTQIHu55YmgAHfY9VDSSqgP/V5BGMg2ZT/DWs1aI1kWHt"
    "iLd2BEVr9eYb/6CnkU09ywmXJcQyiCNbWSnRm6k4ypKMgVW1JPKKnONqSeQ1an2ZJZGiIW"
    "jrjT4r0f4s6w/xK3q6lDpVqgANcqjtatQ2kCQIOHc1Lym0vQW92qZAXsNq3vZSmZIsS+LC"
    "vIZk1qP83+3QrBcdfRaQLPF1WvqcnOS32vyYIjbnRotUScIypLbQyQOaiY7vC2sC+ICyRX"
    "oL6vAW/Bxn/747Zkb8aJwW11JPkjI/Vq7FtREdMZR/RlDs82SnBCW/fsE5QfEvXZ66cVL0"
    "7uz03ZwUjegjsok4rCdOY3jIGQ8om7BepGMLmm8NzDWtu2EamZyBrfsBikgpIqVMakWklN"
    "YVkXppU2bTtr4iUvMNcOtnS6DLauVvgcvvpQOcHpHk3IjlDqyKhLe4ThpaRAWtgcr115vO"
    "ZedL6+p8bl71yYfOXe+2c9k7B4l2X35rYurZ+soHic2ld0kx2mWr17rqfoopSAvM3nUpqr"
    "7M+FTPH5/qmfGJ05BiIVKhQDmCPvYqIodjqw1NOJJoJH/KSErtXcjHhqYNHuBq4gl2NQPO"
    "JHjnOuJkosodlw6ut2w6wQ7jAythnCOtYE7DzGOFh6hIVkhMQsGZhtNGf3tid3nG9Uy56X"
    "5BqYkgkYMrlU/BPGANbArnkDltdy686HavEnPhRScdoP31+qLNBmkxRLNK2He5ZhUALYuy"
    "J4qT40QgRpGJUCq80nxYsszwjW/o4WjRtn0Fe3xaVHX25Tu7RS3PhDZ2JXGn+VNjQkgN4Z"
    "kRxMTQKUZpYiKK1Kyd1DgI2vpYc9F3iU85PwsqJbYHtGbbGVC6Z9t8KiyeOSyRVANNeqAp"
    "xcHrZfP4biSw/eWOXy4pvM88f/m27fsiFwW5xybU9Ga6KeswEP/4yy0P65APF4u2890tUz"
    "xPA4mhIbt/0eqYpXdN2pMe+2NtAVnp6KHnhWUlcix2aiWzaFBW4kvTIVnzKLdkMFY60Cod"
    "iCUL1lpnMFY2YoEfib4OxS95cPxu6zz8yGXVHTtv/jmajnRUQMcLI+5ayMb6uCIJtgvuVB"
    "fF2cF5nacC7PI1seYgtlxbXGoiSszvQO2l7arrMb/z49VyWU6+vzCf3uxDuMVGUqX5j6oA"
    "wkH1PUT3qFZbZlWyVstfleT3pDtSFfFdxUS277t6GSK5Ni/V9tIHJJPZj/8Dgz9t3Q=="
)
