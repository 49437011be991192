from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
        DROP TABLE IF EXISTS "slot_templates";
        DROP TABLE IF EXISTS "appointments";
        DROP TABLE IF EXISTS "kiosk_devices";
        DROP TABLE IF EXISTS "slot_exceptions";
        DROP TABLE IF EXISTS "queue_counters";
        DROP TABLE IF EXISTS "slots";"""


MODELS_STATE = (
    "eJztXW134jiy/is6fJn0OWyGkPCS9L33HJIw3WwnMJvQM7O7zHWELcAbYzN+SZqd7f++Jd"
    "kGv8iOTYAYR1+6ia2SzVNCqqeqVPqzMjcUolnHV1gjuoLNwRMxTVUhlQv0Z0XHc/ohsU0V"
    "VfBisW5BL9h4rDEh2WstGV5zdhuPLdvEsg0tJlizCFyCO7KpLmzV0KncyGk2SGPkNE7bzZ"
    "HTlmun9ErrDI2ceu3kDGGkGdA3kjXDckyCDBORb9AnMhZEV/UpUvCyiiZw2dAJmmFNo02O"
    "2AcyX9jLD8ieEaSo8CKqbB/Tt1IMmf6lT9/qBRxd/cMhkm1MCdwz4TX++c8KlWBvh5eV33"
    "+HD6qukG+AI9ylfy4epYlKNCWkK1WhIuy6ZC8X7NrXr73rn1hL2ttYkg3Nmevr1oulPTP0"
    "VXPHUZVjKkPvTYlOTGwTJaAx3dE0T83+JfcLwAXbdMjqVZX1BYVMsKNRvVf+Z+LoMlU3gt"
    "FzrCrWsU6eJVX5P+/1Ak0lqT8YSvfdoSRVYkOFvkZEed4l2dDpMFN1m4L153e33zUo7GqF"
    "PuDqc+fu6LT5gcFgWPbUZDcZZJXvTBDb2BVlwK+Rlk1CcZGwHUf8Gu7Y6pzwUQ9LRtBXPN"
    "Fj/8MmWvAvrNWw/rX54Prw7QDwCnxBZaBrS0//KQoY9m6798PO7c/0cXPL+kNj+HWGXXqn"
    "zq4uI1ePXH0ZMJG4c82qE/Rrb/gZ0T/RPwb9blSrq3bDf1ToO2HHNiTdeJawEhiq/lUfNW"
    "i51rqzUDbUelhSaL0oWvcxCqjde/u11ukUzFU3X9Ve8zQdb0e/scl1h+pNUSdVEZstA+uQ"
    "JT0b5iN0KHHBuzQMjWA9YVmKCUegHIP0Af5CUiC8HAxuQj+Gy94wPNz7X28vu3dHJ+xXAI"
    "1Um13u9YcR6OFnaMF7xSC/mmGTj/daIoIzvPyuYK7sarWvzPE3CWzPqT2DP0/q7RTUf+nc"
    "MQsAWkUml753q+7eCyNMLTMpn6UVEHmFueX93g9gPL9gWFH7dfLItat8szeM7E+GSdSp/o"
    "UsGb49eA+sy4SDp8dWPnvdHCSi66vrVzTx88reDw4n+OrwhYk7G1x17q861zAZU4DHWH58"
    "xqYihZCmd4y6Ebmyahu/Na/Po1ewjqcMHPot6Dt7oF+TBTbtOWHvHSOQgbvVNOqorNpl5o"
    "znNdKGfxukvaZpPsNCU0pBddofWncNJAzbyHjWLWQR80mVCYIZdW7xCOGWe+ewPUHv3mIW"
    "qgp6944MfUHv3qPWs9A72XC9mVntZb/9dqzll+fUXWo1ZC2f1jMYy6f1RFuZ3gqbyuz/HN"
    "D67fdHRPYG7k6oyAJQygXwSqB0VG/7g9cyTFsyTIWYcYR7us0HOCwUQVl1bd9doFzbFchT"
    "+gZ/qZ+ctc7ap82zNjRhb7m60krB3XVPxOheMj0JoG/jyUQyDc0NHUX8R57wT1/uiIbZd4"
    "qj7fGOe9rRHfRTHj4Y9rVRZvFKiFyS0oOeDnCeTURpl1yXORg4LNd3PCTzW0rec0RDTycj"
    "p1HHJ/C5VVP8z43zeosFKRs+Jw1GFVdxR4zgAiH2jzaQUffqM3BOgsB6UhVKsRGGvyhJJQ"
    "o/GLrH54/0kf7w8AzDyHi2Hh6QatFwK/SJjAn6cwRjcD4m5ghec8Rgdz8B0gYonfJuaWoa"
    "zsIaVb5/RA8PXkRWmhmO6XY30qGXgG8ZWtJY66hSO7+o1dzuTlrsIyj/+Pj4d3rFwrZjQm"
    "vWmF78jlQdXRL1XzTeywx7wesFrxcMT/B6oXXB6wWvF7w+hu4mIUaGEhfkLlhCsUBYPODo"
    "d7BHru+aezltgsp1735417saXqwsyJEOV7pduBLoMa9mmlkUE52gAnppRtUCcw9MTxyylT"
    "zyAyKlc7nUG40MCEOrRIjZPeHS2tu87XGrOLx/vR/0+fAGRKLmD2V6/2EEbUeulQDrGDuq"
    "Zqu6dUwf9xakgyIUMnx8nI9uO79FVXB1M7iMWjS0g8uIPkIUNY9WYoKF0A196kHrZiNPJT"
    "/XfXNvHC/TvoR+S+HgzQhUwMH1SqQ6654O0O7OBNajaliPr4TpC+3jmlCXeFlhgjd1CLRx"
    "dJvwVp48cP2N9nXldlVWvCzNeO2P7x66KDM8EvkmE9b9FoDq+n2VGjGbzBeAxqsXQOhr6H"
    "VVJrxeGb97MUR6i/Xl0KD/ZswqfmWc9E1dgim5xezbSZFAZuS7mnQUEkUKeqhcSA2TaeOR"
    "LNm4dsUkBrmXo7zSmNcmkL5sz0zDmc6iktKqe25+M1yXguCvRktiuLb7DRYnHWs9GnRUbf"
    "oasdBtrE01LYxLvNaS6jZXs29xbZyfNP204jbB45FzRiaKH0il+0Y1Y6rqyOt5iY6w7u4v"
    "VaoIIxhPhvfRD0L+jC0LWc74X0S2P9BoKbQCPHkR3f0+nLu1dWEaT6qXIePJiS2uIlZ6QE"
    "vWgUbNRKz0PWo9S6w0OCVvEm8Kyhc5yFf5tQsz4lC67fV7P98NPt11bi/QM5Fn2Jbmqq7C"
    "95iaeD7SvXaDzuq2gVdXv/Z7g/7qBlsSR/plt/fXXv+T9HPn/v4Cjd3FUVpgN/jz9r5/f6"
    "XlajghmXUtUmSlFilyCys+d29oSoRwJVG6AFbzLAPAzbNEfOmtyCAmYFvYEtHlOMRDMMkT"
    "xnFIaiOYi+k45i493d+G6cGQ1cpzM+h/8ptHIyTfo+vDRNU4cdnkEFVA5FXBqc0GeBmjUy"
    "EzDRhWzk3oAZFtEqLi/hI234VOoYpDm3sX+lerVB7xamQbemBAFWkbOkOd49/xtZHs06Ff"
    "KLsXRz5rjJymfHIyclqNehs+109b6y3ifoo7KxFGYyMLU7UIgnfW7Y9oAU8ydKwh90uxNH"
    "hYn8zlAoYJwjYV55Yn29djRTp7QaapqnDRvCOyLlw071HrWVw0imotNLyU8uZeR+UEy3yR"
    "ZcIg0uhneMYT4ZQj6un2yy6xeCeF3Q1c6cOQBamRftm5711doJOR/kv3rvdTr3t9geosGR"
    "uo4gU6zejKcjcNn9ZbzdV+YfpH2lbh+9vOzQ23nJkbmszL+WOCgvbnp/2qIrmbLvOiHxMU"
    "6L8GffaF80z6HNGtaKBAu5q2P+2znQR5R3pISIzyDVyLDMDcIzwitiPkyzS8VUvCwHmfON"
    "bjS/VY13J7LMXqY39QpVg32kEQTiHaPBGQl8F0YAROZMQXIHMy1b3KtlvcEmpcVDhe1uDt"
    "apqz1d3/MWctsztdFXo4w9mkIdO8tTGGK2eNQF1O1inCMstsd8twasbUogU7nlV7Bi1oQP"
    "7ZMBWEdQUZrGusoeFg+DPX27rr5wk3q3CzCoebcLMKrRfEzUpjgHldrEGZ0lUP2T4ROTxP"
    "9gGD7dsf0gxbs1wEOypYQrh3UsHCNuyFtFmiGkdUuJQ2cJwKT0dBPR173u5ftNnn7Qg7Ay"
    "yJrvtovkTWV9p7map3EG2MZvCGaLxcMWWX7leRJRsLoiDboGdprM/NAI78IysbykqFHulE"
    "paQY/S+aasYYax/iFH2Hz+HuXWPd07umh5kSOtaEHV8j9rIJBn84c9KBcjnB4N+j1rMweH"
    "9m3mQfmy9bZK5Tubrp3n25QICs+TjS77q/9Lq/du8ukEmeVPJMzJH+uXNzI912+p1P9Drb"
    "b++aB3Cvc33b618grMxVPbqcZto2tfWyiuslNOeOhpigOFxPHFW4OzRdIzgfnEEZsesmfd"
    "fNyrZ+5babSAjyMKF9cfdNcGTxt9/w59gtABw+yvEgp4IX4Y2tLS9jLM4uPdyzS+/IBOap"
    "2dB4JHqF4ycJ3a+muUpMt6Vk06YZvSUDnR6JwuQQk3PL6LiVeCxiWZSAH03wXNWWHz4iA+"
    "x2pNoWuv/c+Uu90aQnpVg2jDPOGS7b7VqkKxRkGa0KZ8c7or3C2fEetZ7F2eFO3DlJSUho"
    "t6zkDUocvpbluUVvpEf4Enw3UgLTi8gV2YW0Ybh8+64fH7ScpDokJQZwNP8ArLzc6R5hKZ"
    "HF9GJiDfm2UEEJG6y3YckSrreHu77GzSrTsDc0q8KSW1BzMRl/ObRMnmD+20jLIUmh5aJp"
    "OUea0i79SwPHHhvfuk+EOcZi7qXg7Wqad8lgDSXy5O99yrJr5rzdbo6cRkuZ0F0sbbfmc3"
    "O1i0VHrDuaJQPPU5+IiY4WjjWrIo0oU2J+QOQbPEFbIkOXyUf0bKq2TXS6yYWe+ivPsD4l"
    "P1gwcrFuYeZA4e2leaO3EC6rwtiowmX1fpwXwmX1HrWexWXFpnlXWTGtJ/PTsNSunCtlIq"
    "h4CkqbAhx5CxJH5ATWWXbZLDUDc2BOqY+7FhH1cUNT1zbq4y6cMeA322hxicruhdQVxM9Y"
    "8MWkUJzuhvGSrm6b3POEgreraZzO5TcSrG9mnlOExg16hM9YPqH/jmtwZdJohA7yIXhy4Z"
    "IjrBu6KmMN0d8KMolMKxKwRACFyCrNAaiimaEp9DwfldaF1RVEfcHEYhkB3NII+36+IHKC"
    "yAmTXhA5ofWCEDmL/BFX96U67emJ53D8wdHyhnVQ3za46FY4Pa/XT09b9dpps904a7Ua7d"
    "qq3mn8Vlr108veJ7qrNqRJXjFUum7mps4RsfLxubNaBj53Vkvkc/RW7BgfDewV+lr5j/OJ"
    "SIrShC/SZ2opxkFOrpPgty9Fjs0+qiMUijF9hhWxkkiY2N0sfGnmN8xAltpKvTlymq26TE"
    "9APT3zaQolJxYoRyPINJ5pBMpcUgOcAP/QDPnRqiLLQLBuOUSXCXJr6lpATZ7gDwNN8cKi"
    "B20ojvujJxaPKe3v4SN9pPcNur8ddVkFyAuk2pRIMT42UWF0o0eyZP3CKJQd06Qht4lqWr"
    "b3ZAu5hjgV9EvYaTBWR/rDQ69/370bouPjYwQs7mrQ/+mmdzVE1wMEv4PPvf6nhwfG3OCL"
    "6WhOiA2Pdb8lKJp9R/q1dkHm7udY0xLtDu48fMBmx+aF1ZOJm20SIlnqv3k1U1JMupDY/g"
    "rcl8K0K9Sk3Ic/kidldjfLpKzDnYwurFtiPsLUB/NjvV0fOa3a+Dw4M1L3D3UR0ZlLNuYL"
    "ulGIHjNNR9wFYocqoBo7wIhaA563qOrdeETWAusWqv//I739xJuY9/x8ztzszrh/YXtuYH"
    "a0EHAvoGcWYbVMjlhXVUQhdQtdf/gIszF1wrizLBBiy8bzhTXSnw1HU9DcgLexZ/AExXBA"
    "L94K829Cvwf9rGFzCjKIaW110Zgm1ztZHV6xfovX1TdJm0yyztPelFv0aXov7DB5Rk84vC"
    "R9qXyDw0qKvF6u0QyM/1xjOixXJlT37PzgJ7Rfqjo2l3zoE5LZx0vbXaIODPY0BL2o6Ion"
    "Ak287PU7d3/nE8VLThT18u/Dbqc4Vsm9OtWJMoTFNokuRlpksU4sJsKYY+Y4W2vcIrTsd0"
    "0BDtemxy5GORwsoD9Y7jpL12XToKu8zQyHuUF3kAPfYg/2CBUYAEq90Tg59zIbKSXj8cY9"
    "PlnE1kRsTURZRGxNaL0gsbXiuGPeDZMK7vky7IQNlGn2ZkhMGJ15jM7Q0Pf9GtKcVyo4bf"
    "RHJAXb2vgnAIZhzsDnWqIUUbldhzypXY5tx+RO8MlzTEhMzDF55piCENsrMO+Bt3UcRbUT"
    "c0fjjapp9FZ2m0uYts+bSNpqEuImb8K/p0obyGZzckYTPDFL7cQnPuV8nhnePjsglPSsK3"
    "/vnfv4KiOhzzT4d7RmHJyi3Xt6piC1gtQKeiNIrdB6QUgtLESGmcemXAkIkzLLhj/ZPzkl"
    "B778s1bKAPBpPQPAp/VEgOmtyLlCNpkDekqu7NuQ0P5gruzKDNj1KHaNPQ7zT95KGRARWy"
    "lDa8E2tlKyAZzTIF6LiCLyqTXPKVJxZPOXPCfmkyqTntfbQQL7YunowKgKlY6G56P+15ub"
    "t6od/QnGNPmFmJb7vWNkPnS/msbjp7Sl9OQ2zb4TtH5O/JI6zdNai1LqRiu4E1Odzx0358"
    "vrm+291BFF9AcLscd+RIGtCxZaeDzbF1A5taX39+gRyz+ew5A2VYDh4aGKHh4smywsL+X4"
    "4YExTOh0oUEruDoxNM14Rpb7y7B+dLG15BmZ4+NFYtj7n6ufpPd4cZyXcBockg18mPRROA"
    "3eo9azOA2e1gtnWOWJYcCARJkigPWTs9ZZ+7R5tgr8ra6kxfvisT3o3qbFlPKWCI7KldBn"
    "sAM6a+iKavvmXNYNjmGpEngN9rHJMbyjdIo1aYwtNRfuETEBfG7gJ4RIwVfNAT5HVCggtw"
    "JWJCmPBy0kVAwfGn1eaXxojKrmUchKQChj68oIeQryKCUmWAzllMrb7PrygQzwVJNim4bF"
    "SrBuhA3TeqORwTKFVommKbsXwdpzhoyXuaAOSQkSkIEEvFkIpWhAlyeGUlBkNw6ivPH5mz"
    "fqhCSejrC+WU3d5AfNcp6McEbGeOS0Gif8MwkQ7RJZqu2w0AQ6GjnQ1JOoIvpXk2YwjptN"
    "9tekVlvFRCa1E9rbCWa91Zsf6M58G01Nw1lYfliChUG4RWMK9GYij7Igc2BVhETekXNchE"
    "Teo9azhETypqBtN/usQKf6bT/Fj/2fA1q/vaBBWfY8GaYtGaZCOEnAyUVjQ0L7C+jVdgXy"
    "FqJ5+9vKFGZZHBfmLdaXQ4P+ux+a9aazTwrJYt9OipYoCX9Xk2hszV0FqcKEZWKYTCePZM"
    "kGvissMeA9yrbSm9eG9uCejOPet2dgxE9nUXEp8iQu84PrUrTK1vf0Gi2Br8cr0BL+9snE"
    "LfRNs1M3SorO263zNSmaGk/E1GnhkxCN8SudzWEUyeoCaz8qKtW0bPvbyPgMbNsPEERKEC"
    "lhUgsiJbQuiNRbmzK7tvUFkVqBe1JvZ0AXWiXCy+5FE5y41T0pwF3dmceM8UiaE7/K5y7j"
    "pL5FlNMaqNx+7feuej93bi7W5tVIv+7dD+96V8MLFOo3r2aaWRQTnaACemnGKa5jygkD/2"
    "W9rKUPSTHSVWfYuRl8CihI8szebSmqnmV+qifPT/XY/DT3C1VnTpHyBYqR9FGqjByKrTTR"
    "8JSjkeQlIyxVupSPHS0bNMFVU+eqLSl4ycE7pTR0XFS446LJ9QvTmKsW8IGNME6QFjBHYa"
    "a5whOSZ1dIQELAGT9Z7A9HhQlaAq6n8U33S8PQCNb54HLlo+XJoINd4ewzpz1XJxsMbkJr"
    "4WUvmqD99fayC5M0m6Khkeq6XOMKwIuFAU+knkWJJWLkWQi5wjs6duwNedQOCnpY0uqw55"
    "wjPioqBnv2wb4wFo6GTdXm5J0mL40hITGFx2YQTcVWPkoTEBGkZuukxiLYlGeSTb5xfMrJ"
    "u6AiYiWgNfveAeUdayfl3znMkRQTTXSiUcgCm66xkS8qGRMUie3pie1rwOIw505vvw51dp"
    "jwvpjdHhtioUyHu67ri0xLcg8sqNFiuhHr0BP/6csdTevgTxdp5XwPyxRP0kBoaojXL9oc"
    "s2jVpJKM2CTW90q0OuueygTW1rLXoqlWr8thC21IOaiwb94MttA3jeavrVMCw5lr0ay0aN"
    "YaL7Ntm5lr8fSOGdZ4G+JzK/4z9FN6nftfMqu6Kbhb0PRKRzl0nJqeGJwTOemJkSkzOT0x"
    "OktnKqo/abBNVjVMUwjbZ3CF4MD2LbABYXnT7R8sNDaMR1Cff9aspRk2AoTdPwJJhtw6+j"
    "t6DLcwnt8ZbQAf5gvDJrq8ZLoGRUQa+FmfQPGfiDTH5iP0E62lF5ZRsNcR/Axth2FNTySn"
    "qVW/i8xIkRlZXAPmQHPkRGbke9R6lszIgsSjCqfxHQek6ArI/ZUleNQwLxgS+mkdIMgpoN"
    "KfRqy0EjZta4PpKSRYwtnpcGej+CLkm4E5VRwQEwoutILXFv9GebMr6T2GyyihIv6Yy5w1"
    "ezkYfOleXyBXeqRffe5ewQWp179A8ozIcFFSdbje6V91b25oU5l+Z02jrfsD6f7z4FcYEY"
    "ZkzQDLDVat7Sc9hzleHkMhKli+pJUsOZzJGZyx/M0o784BNke0hDbZ9neywJd0iARz0DjX"
    "vvWo2EaB5KIN7W1Xol5NeJs4FaLCW1jiC4Z3mVb41Sq2iaojskLTRdZ0IB6Q1S0bEBFJIa"
    "J45C7h9AMOOSGNiAlYo24YzcgLaUBEwJmeCRaMkr0yD+yrRQ7Rys+aARb5nfJrnEan1y3A"
    "+r6rx64z66Jzwjag9bopKaaBaTADpjMvOeOVmG6ayHIgmAbsydwZoK/MOUtNSfmiGtbjNa"
    "EzRYWTkhK8XU1LSXmkDeF7saMNWdMMOSntE4JpEWB8To9pVJr030lr5DRbpziYMjJVLZuY"
    "REEUReQ+xC0RzCi3tcoqsZCqo2fVniEVPhvPOpJBDG6oWONlq+z/BUTFrYLYNlUk8kreT4"
    "aByCt5j1rPklciykLtsr4ugQkx/7mOETEBdQaoTfJE47cbzF5hSeHJLs5kJTzZOzD8Upxa"
    "gsq+hsq+8YE9f6Ph7SvD0W1Gq2JUNnS/msZl3UC57DbNTGaD/LE9xifAIhutms8iaTFmDV"
    "s2Yp0jNwqPpuoT0SllxC6zpMQJKXjJ9kFg3S3lzBJWeex1D0/kbrvwfyZesmc8uTa6qUJQ"
    "WkFpizvvHSi5EZT2PWo9C6UVOfu5c/bF7pI32V1C7ZP8iYwRKVEQJ5rFKFiiYImCJfJPCK"
    "Khe97RQF5IP+VMIGiRgwyyMCI5X9ExuqudbrGg3SG6sKJn0KDx/BE9PLhbLx4ekE6egKOR"
    "bzIhigU3ZLzAsmov4dYRIK6o9AlYQ6519oFPCvf25FRyyF0U1zvc4vvuUwXZRnxBIwWNLO"
    "7EeKCEQtDI96j1LDRScKI34USCvYsd9yL0GV+ExI77kivYpxw5PEFBkf25gXa5uGzZE7Qu"
    "CZAR0bWAcKtFwVQtSdYMa5OTGdZyezyWYXXlYM9lEI7MrW6Js8l8QSto5oQ0IvYKWA8nM0"
    "y4h9/YPcwbt1uAlfp5h4HuDnLAvohu5BcbQhjeAfW/3txkrDkvCoKnIv/aguAvBiu632Ti"
    "vy03arFuUH0pfCERv+0GgYyRczZpj+HK+Umgni81bByTIDd7jHyDDpFFLFojnxb2XWeZ0S"
    "iEgpfpIYstPkNstCrIUlkV4YR35FgW4YT3qPUDCicUzKIT0YTCRRMe4S35Y/Plup++bJEj"
    "XZWrm8E9K+PJnFIjvfvb8K5z4RpWUfMsy6jdfv1OFpeR5qru8Ejf/RzsvUQPZlS2RGUOT+"
    "ut5sqJSf9I81/e33ZubuIuNaIrGwIblhSwvnnwophobvEIcGzxDstMthLWEiU4pDQ8x9Yb"
    "WSZZaJU4y7J7wr0uHMHFclUWOE945SdO8LwF/cgvON58h+xGfrcmrtO9na3WZO0TeybkUV"
    "sG03kDrjD/FK31Zs7quiiRv+y85Inb4VPzJw7TB3vcJGTfiZ2mwqd3OHPigXp3hE/vPWr9"
    "gHx6hdP4jp16gdUwD4EPiJUpWW4b9P3NHU4lxvZNPU4lxlXky27f5/SENRVYpmlwKnAnR0"
    "3CUq8MnhTMq5cvduIi4ei2ynF9vATgSuw9Iyh8csInd8A+uXCt/VemDGass1/M3/t+UwU7"
    "xFTlWYXjqfTuVNN8lHjd5iXfZDIMW864SzRiuDMdx3zxhsXrvHKFt12SHXFPxLTUfAG0gE"
    "gJiXi90cgUQ2ukxNAasaNGF3mdHiVF96RWy5IGUqsl54HQexGOY+g295Shv94P+gkcZy0S"
    "tSNV2Ub/QZpqHSLVSQGXghHyGPqYHt12fovCfXUzuIwaTrSDS57ltM/g2/f/AkC2cfw="
)
