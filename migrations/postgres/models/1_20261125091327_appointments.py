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
COMMENT ON TABLE "slot_templates" IS '号源模板 — a weekly time window of a hall for one item group, with its capacity.';
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
    "template_id" UUID REFERENCES "slot_templates" ("id") ON DELETE SET NULL,
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
COMMENT ON TABLE "appointments" IS '网上预约 — a resident''s booking of one slot for one service item.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "kiosk_devices";
        DROP TABLE IF EXISTS "queue_counters";
        DROP TABLE IF EXISTS "appointments";
        DROP TABLE IF EXISTS "slot_exceptions";
        DROP TABLE IF EXISTS "service_items";
        DROP TABLE IF EXISTS "slots";
        DROP TABLE IF EXISTS "slot_templates";"""


MODELS_STATE = (
    "eJztXWtz2rga/isavmw6w3YTEi5JzzkzJKEtLYEu0G1nlx1X2AK8MRLrSxJmN//9SDLGd7"
    "C5GtCXlth6ZXheWdLz6NWrf3JjoiDNeHuPJlA3xwibuRvwTw7DMaIfIu7mQQ5OJu49dsGE"
    "fY0XV+bl+HXYN0wdyqzKAdQMlGclDFlXJ6ZKMDPoWdfnqEL/LaIK6FmF84srAIGiUjtVNs"
    "GQPCEds/qAWzUwR9AE5BkbwED6kyojoJpobLxlj1SIzGzxcCu1W1j920KSSYbIHCGdPuOP"
    "P+llFSvoBRnOn5NHaaAiTfEhqSqsAn5dMqcTfu3r1/r9e16SffO+JBPNGmO39GRqjgieF7"
    "csVXnLbNi9IcJIhyZSPOBiS9NmrnAu2d+YXjB1C82/quJeUNAAWhpzUe4/AwvLzDOAevit"
    "qhhvMXqWVOV/s6/nKSpJzVZX6tS6kpQLeZV9jYArZpdkglmLUFn7oOC82vW6oPCrOfaAu4"
    "/V9tll6Q2HgRjmUOc3OWS5V24ITWibcuBdpGUdMVwkaIYRv6d3THWMolH3WwbQV2amb50P"
    "q3jBueC6wX0xHHAd+LYAeI7+QKWFtenM/wsc0K0/1Drd6sMX9rixYfytcfyq3Rq7U+BXp4"
    "GrZ7a/CH3n7f5gXgn4Vu9+BOxP8HurWQt6dV6u+3uOfSdomUTC5FmCiqepOlcd1GhJ1+vW"
    "RFnR635L4fWseN3ByOP22bf3vOt0DAr7+24E9Zg3fFY+4GWK1nb61G16dQxfJA3hoTmif1"
    "4WFnj1t2rb7k8LAU81Z3cK/NarD1r+fwponfKbgXbfr4wP3ItCJQG6tFQsvPze6yubHQwe"
    "PaMWu9CH8uMz1BXJd8d1hGHCwUDSiYaMsD9uZ8bvP7eRBvnPDPtgNovrsIratJ4EDpm15K"
    "z449Vpbc7VqM6Az9PWhMie8tVpTQfYamNRYs2MFEhcwwvfGhfGwSsQwyH/SezZ7EkzyD5C"
    "TctFcAZ+fSFbGNESiXlCqXg56FnFArygn8vnivO5eF0o038vK0Vnhk9n5u4cnz0DEJ1O++"
    "kFhMxfTDq1t68+0xk8AnQsUhVGWACkf7EpP1KimMTOny+4huAaYtYpuIbwuuAaifpUwTUE"
    "1xBcY0dcg85aCL01l7pXR6rq1nSAjTcRWI8qMR7XhOkzq+MeMXZ2rDDRb0on/DKxsIn0Ne"
    "H6ldV1Z1d1rHgZGln35evQKo4ZHgm9yIhXvwGgak5dR42YicYTisbaAyCtqzur6pjw2qaU"
    "VHuhvRWGWp0JIqo5zUXISqEy+UUSE5qVllS7uIoSC07F64uSs4BcQbDfs67QQHFEHoIR0M"
    "hQxWBW8xScQQzIBGFVyQMIqCPJ7OMtUv+iWIMv0DCAYfX/QrL5BpABK2UgPUpt2u3DI6Sm"
    "P3ITnTzR6vnoMbPL/SkUqLVfKaFA7aoPO1AtQihQp+j1JAqUt0sOSyU1bI25z+sUD4htnu"
    "Tzvdc+y9JJ7luN9ohd6aHerH9ptz60qw834BnJI2hKYxWr9HcMdTju4Vm5VnV+m8D51a/N"
    "eqs5v8GHxB6+rdU/1ZsfpC/VTucG9O3BUZrQwTE4Cu9HCXNG2kgPR7/RHpMsO3XfelhAvZ"
    "GipijxILsWu8M4t62ZiB/h0lUCgEtXsfiyW4FGjOjcgnJPLIch7tIpeUw79lmtBHM2lcTI"
    "oaf2vesbdRw8zx6q39/4Rp5Gq/nBKe7B/67Rug3gTvvFgapFKOmfOq1mNOgek+BcgC1f/w"
    "s01diaQuKZg/ctVTNVbLxlj93HFJxBtNghQewD4zurIOgQxrAiO5p4LuQx2SQhyu6bsIT7"
    "hJYx/OiGoX1PdKQO8Wc0DU2GopWar8ZRSaT0sg6f55zc26Dob6e/GJn2WFft3FXva7nX+H"
    "WhbWo9HPUIfcfxRrymw35QchVHvir2rJJ8cdGzysVChX4uXJbdzQBO+A2L0UFMLJ/oqoEA"
    "/c7YfAcm9EkEQw3YP4qH6NDxSZ9OaDMB0GTmZqR+s6PHiiChjHRTeSHRnBBZFxLNKXo9iU"
    "SjqMZEg1MpbURL0E6wzKUskzYijX2mz3hCWhjsOjaXS2LhSgLIq9sLyzhPB3yuSZssterh"
    "22qnfncDLnr4t1q7/r5eu78BhR7udNuUKt6Ay4RS1pB90Z8vC+VShd7lv4P9UV7gqM5Dtd"
    "GoN7sRruBNNy3nDxkK2p+e9quKRNt5n07zU6IfMhTor4M+/8FpOv0I0414IEOxopvv9icU"
    "n9T9jM9ItPIVpEUOYOoWHjDbEvLH1LxVQ4KU8z5FzB5vCdEQxDF9idcugHOfGm5rEuNgv9"
    "s2fttqNXxt/LYebMRfH25r7bMLDj0tpNqqlz13WSk22h9CtHpkWFQE04EROBEinfVQOh5/"
    "/4DY5CIXobJ6b+cXia32hoAxL5lcdFVQsWddDYoyi1vrQ3rlqujJwMIrBVDmoc52whWNDA"
    "2gYvCsmiNagi3IPxNdARArgPCqoQa6re6XSLV1288TMquQWYXgJmRW4fWMyKxsDTCtxOq1"
    "Obo9mZsnIoenZB8w2M78QxpBY5SKYAcNjxDuQrGYAG9aKhZwfs+PuEnMibRaoFqEqZCUVh"
    "BOhdKRUaVjx/u/s9b77I+wc8Di6LqD5jKyPvfecqpeBawwGNFvCPrTOVO26X4eGDKZIAWY"
    "hGVNdTOkUo78C09pxNMYnWGkMlIM/guGGulD7U2Yom/xOZF713j17K4+w0zxJbBl9Ym9bI"
    "LBH1CfdKBcTjD4U/R6Egbv9Myr7GNzbLPMdXJ3jVr78w2gyOqPPdyu/Vavfau1b4COnlT0"
    "jPQe/lhtNKSHarP6gV1ng5JkTw/over9Q715A6AyVnFwOE20baqUZNdU0P+eTVOlkB4wH0"
    "JT7mgIGa4xOB4OZVo6DLrIcs+nw9RjItAMbD7jk+B0cHptxK6bxbtu5nPrNbfdBJYgDxPa"
    "pbtvvC0revtNdB+7AYD9h3YcZFewFN7Q2LIc49EsL/Ga6DrpjY8TV8/4kqVNY200oP3UqE"
    "seEc5F6CS++/lFUolul5RMVjShWtLCLF0ztwPczk6jY2fiMZBhMAJ+NoBjVZu+eQcInbcD"
    "1TRA52P150KxBFQDGCZtZxH5pTdbtQhXyMgwmhdixwnRXiF2nKLXk4gddsedkpT4jLbLSn"
    "YZt7AhlmcnvZEe6Y+IlpFimF7ALssS0orL5ZuXfhzQUpJqn5VowMH4AzrLSx3u4bcSUUxL"
    "A2vQy0SlTlhhvPVbHuF4e7jja3hapRNzxWmV33IDbs4m4z8OL6Mn2v+t5GWfpfBy1rycIk"
    "xpm/pSyzL75KX2FHMMsvd2fpG6RHhBCT2lOgm5Uin1rGJZGbBdLBU753NpvosFA14di5Kh"
    "z1OfkA7OJpYxygMNKUOkvwHohT5BmwKCZfQOPOuqaSLMNrmwE8nkEcRD9JNBWy7EBuQCSu"
    "SJyfv5FkKyyswcVUhWpyNeCMnqFL2eRLLi3bztrJDX4/mp32pb4soxEVQ4pE4bUjjSJiQO"
    "2Amsk+yymWoERsC8ID+uayLy4/q6rk3kx51YfYrfaKXBJWi7E1KXEZ0x44NJpjid90jvqK"
    "0V/hO/F2yusAtK81PGk3A6m0FdV8rXbjaCIaGsCfMdDrM6AavTcxK0DDlRoCRqQHSWIrZP"
    "yGMUWdt09YKFCRYm5uOChQmvZ4SFiTOnt0YGxJnTng32SUIGaKkFG+xDQQM6+tviC6hOit"
    "0w2Au3eUfai+3ei7d7x+Rfk4Y6sSap5IUo42PIcrDtA7xUQ5oz05QtPmgqGnvyxp6J3WlZ"
    "6+W3sv9nf3tUMgrvmptU2nSO2K7fdRftqRBJNTORo8MLWYSUFEA0XkoKOjGJklQeFC+Y4H"
    "MO+Rr9Fb2CYCl8otBPBpdz2JHPZMBPimanmttKD/vDIwlFKUrbekxkmg6nMlaAfhhPiImw"
    "PJUe0TRHHREo4Ch0PPePNIb6I60nmMXDb6PAWUW0HzItjjXCCo/p+1MoWULJym7/dqCahl"
    "CyTtHrSZSsjLDRzHl8y3SUjYCRb1kMG7KLL3q1DhDkBaCyVyOcQEI3V9kx4DM8wt7pcHuj"
    "8CDkTANTuthjJhycaQe7M/7wILM8w5RrvcOD+BihQk6bS5xn6rbV+swOgLOte/juY+2OXp"
    "BY+ih5hGS27UHF9Hq1eVdrNFhRmf1mTWOlmy2p87H1jbYIIhkjiuUKo9bmNxz6OV6aiULQ"
    "8Pgk60oCsCuxWFdCenWAd6cAO8L0COdkm195pD/SQrOT38J413FM2umg2UoHVWatadtnUB"
    "YurspXlcvS1fwgyvmVRadRhpcB3A5vFVEhaCz2iWV5hJ+PYqu4OmArPJ1lT+8tQWLWRqbN"
    "pB5gSnpKOD0mAs5QoIu94JAS0oCZgDUow2gkdcYR10TAuXgV37tKtuYa/lfjqDN4Bt7T5Q"
    "kmnYXKNWENbEw4UnQ9A0tMVESwT9gEtLNqjhRTTzeYANPd5kM9VEzjEqImid7ZZkjKZ5UY"
    "j/eI9RS5iJAU7+38opCUR1aQ/i5WMnFMSuUCsbNWC/Ca/nupsLwRl4NyzyqVL6E3ZGSoGi"
    "bSkWIf5GI/xD6GlVNuw7M3yTmSlSU3Jc8YyNSMHZMMtahold1/AbFDKiNzmzwQcSWnE2Eg"
    "4kpO0etJ4krENp4trlTMDrlMm6UyYCagTgC1yG0nlGyhZCeY+C0QtQSVXYfK7vlsj1/Z8v"
    "YdsbDJaVWIyvru5xdxWXuhXLaLJiazXv5Y6cMLyiKL5XOHRbLkhRo0TMArB/YqPBiqT3Zu"
    "w9kZpYw4AQXaiTUgthNv8IDVKPa6gydGbrtwXpNZsGc4uFYcjSoo7eH0ewdKbgSlPUWvJ6"
    "G0ImY/dcy+2F2yl90lbH6SPpAxYLVSHONKSJ9vC+YNRzEKlihYomCJ0dkc2dJ9VBrH2ZL+"
    "gvyNtEQKMsiXEdH1nI6xXe1siwWrDrCBFTxTD5Lnd+DHD3vrxY8fACOWEB+9yAgpBr0hww"
    "mUVXNKb51RxBWVPQFqwJ6dvYkmhTt78kJyGDkoujvcwvvuFxryjfiCRgoamd2O8UAJhaCR"
    "p+j1JDRScKK9cCLB3sWOe7H0GR6ExI77I3ewQzlSKEFek93JQNscXDasBLkpARIi6hoIWS"
    "0IpmpIskaMVfKyunY7TMo6v3KwWVmFkLnZM6PReKLBmKOi4iENmK0B6+FEhgl5eM/ycFS7"
    "3QCsTOfteqo7yAa7FN3AG+tDmH4H0PzaaIh8wZtAfqv5glljrb3IyPm2kasWboH8suULCT"
    "llV1jI6FlXA3ZaVPH6wpPPl01sLB0BO3oMvdAKgYEMgyndZOCJMmOrEAqcLl6y2OAzxEar"
    "jAyVebGccELCslhOOEWvH9ByQsZmdGI1IXOrCY/0W0a3zeV5Px3bLK905e4arQ5P48lFqR"
    "6ufe+2qzf2xCo4PUvSajefv5Ovy0hjFVtRpK8zpvO9WAUzaHtEaQ4vC+XSXMRkfyzSLzsP"
    "1UYjLKkhrKwIrN9SwLr3xYtsorkxuZ1OhQyb1SadJbgWO8y6vC3GtYMjFoW8LoTgfUuVGY"
    "4TnuvEMcqbV0deIrw5guxKulsJFtjeznJ54Gpizwg9alNvOK9HCnNO0XI3c+bdpETOsLNM"
    "idviU9MHDrMHz7iJb34ndpoKTe9w+sQDVXeEpneKXj8gTS9zHt+yqOcZDdMQeI/ZMQXLbY"
    "K+711wOmJs96o4HTGuIl5285rTE9RUyjJ1EpGBO37VxG+15uJJxlS9dGsnNhIWNtUI6WMZ"
    "gHOzU0ZQaHJCkztgTc6fa3/NkMGEefaz+b7vNlSwinRVHuUilMrZnfwijRK6ZZZpk/EwbD"
    "jiLnYSE9nTRUxfZs1iPVUu83OXeCHuCemGmm4BzWNyhES8UCwmWkMrLlhDK4aOGp2kFT2O"
    "FN2L8/MkYSDn5/FxIOxegOMQbEaeMvSp02rGcBzXJDiPVGUT/As01ThEqrMAXAaGTzF0MD"
    "17qH4Pwn3XaN0GJ06sgtuomdMuF99e/w8itQRn"
)
