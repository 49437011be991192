from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "onewindow_approvals" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "step_index" INT NOT NULL,
    "step_name" VARCHAR(32) NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "opinion" VARCHAR(8) NOT NULL,
    "comment" TEXT NOT NULL,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_onewindow_a_applica_931b36" UNIQUE ("application_id", "step_index")
);
COMMENT ON COLUMN "onewindow_approvals"."opinion" IS 'APPROVE: approve\nDENY: deny';
COMMENT ON TABLE "onewindow_approvals" IS '审批意见 — one reviewer''s opinion on one approval step of an application.';
        CREATE TABLE IF NOT EXISTS "onewindow_certificates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "certificate_type" VARCHAR(40) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "number" VARCHAR(64) NOT NULL UNIQUE,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_by" VARCHAR(64),
    "revoke_reason" VARCHAR(500) NOT NULL,
    "application_id" UUID REFERENCES "prereview_applications" ("id") ON DELETE SET NULL,
    "issuer_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_onewindow_c_certifi_e592b1" ON "onewindow_certificates" ("certificate_type");
COMMENT ON COLUMN "onewindow_certificates"."status" IS 'VALID: valid\nREVOKED: revoked';
COMMENT ON TABLE "onewindow_certificates" IS '电子证照 — a result issued as an e-certificate, kept in the resident''s wallet.';
        CREATE TABLE IF NOT EXISTS "onewindow_evaluations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "score" SMALLINT NOT NULL,
    "comment" VARCHAR(500) NOT NULL,
    "is_bad" BOOL NOT NULL,
    "follow_up_note" TEXT NOT NULL,
    "followed_up_by" VARCHAR(64),
    "followed_up_at" TIMESTAMPTZ,
    "department_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "hall_id" UUID REFERENCES "halls" ("id") ON DELETE RESTRICT,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "application_id" UUID NOT NULL UNIQUE REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_onewindow_e_is_bad_936c02" ON "onewindow_evaluations" ("is_bad");
COMMENT ON TABLE "onewindow_evaluations" IS '好差评 — a resident''s one rating (1-5) of a completed service; bad ones are followed up.';
        ALTER TABLE "guide_versions" ADD "result" JSONB;
        ALTER TABLE "appointments" ADD "application_id" UUID;
        ALTER TABLE "prereview_applications" ADD "checked_materials" JSONB;
        ALTER TABLE "prereview_applications" ADD "tracking_number" VARCHAR(40);
        ALTER TABLE "prereview_applications" ADD "acceptance_number" VARCHAR(40) UNIQUE;
        ALTER TABLE "prereview_applications" ADD "delivery_method" VARCHAR(8);
        ALTER TABLE "prereview_applications" ADD "issued_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "resume_state" VARCHAR(20);
        ALTER TABLE "prereview_applications" ADD "completed_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "suspended_on" DATE;
        ALTER TABLE "prereview_applications" ADD "suspended_working_days" INT NOT NULL DEFAULT 0;
        ALTER TABLE "prereview_applications" ADD "received_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "hall_id" UUID;
        ALTER TABLE "prereview_applications" ADD "approval_step" INT NOT NULL DEFAULT 0;
        ALTER TABLE "prereview_applications" ADD "accepted_at" TIMESTAMPTZ;
        ALTER TABLE "prereview_applications" ADD "due_date" DATE;
        COMMENT ON COLUMN "prereview_applications"."state" IS 'DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn\nRECEIVED: received\nNOT_ACCEPTED: not_accepted\nACCEPTED: accepted\nAPPROVING: approving\nSUSPENDED: suspended\nAPPROVED: approved\nDENIED: denied\nCERTIFICATE_MADE: certificate_made\nISSUED: issued';
        ALTER TABLE "prereview_materials" ADD "certificate_id" UUID;
        COMMENT ON COLUMN prereview_applications."delivery_method" IS 'WINDOW: window\nMAIL: mail';
        ALTER TABLE "appointments" ADD CONSTRAINT "fk_appointm_prerevie_18c0ea8e" FOREIGN KEY ("application_id") REFERENCES "prereview_applications" ("id") ON DELETE SET NULL;
        ALTER TABLE "prereview_applications" ADD CONSTRAINT "fk_prerevie_halls_e91eb0f4" FOREIGN KEY ("hall_id") REFERENCES "halls" ("id") ON DELETE RESTRICT;
        CREATE INDEX IF NOT EXISTS "idx_prereview_a_due_dat_9a3686" ON "prereview_applications" ("due_date");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_prereview_a_due_dat_9a3686";
        DROP INDEX IF EXISTS "uid_prereview_a_accepta_59f924";
        ALTER TABLE "prereview_applications" DROP CONSTRAINT IF EXISTS "fk_prerevie_halls_e91eb0f4";
        ALTER TABLE "appointments" DROP CONSTRAINT IF EXISTS "fk_appointm_prerevie_18c0ea8e";
        ALTER TABLE "guide_versions" DROP COLUMN "result";
        ALTER TABLE "appointments" DROP COLUMN "application_id";
        ALTER TABLE "prereview_applications" DROP COLUMN "checked_materials";
        ALTER TABLE "prereview_applications" DROP COLUMN "tracking_number";
        ALTER TABLE "prereview_applications" DROP COLUMN "acceptance_number";
        ALTER TABLE "prereview_applications" DROP COLUMN "delivery_method";
        ALTER TABLE "prereview_applications" DROP COLUMN "issued_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "resume_state";
        ALTER TABLE "prereview_applications" DROP COLUMN "completed_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "suspended_on";
        ALTER TABLE "prereview_applications" DROP COLUMN "suspended_working_days";
        ALTER TABLE "prereview_applications" DROP COLUMN "received_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "hall_id";
        ALTER TABLE "prereview_applications" DROP COLUMN "approval_step";
        ALTER TABLE "prereview_applications" DROP COLUMN "accepted_at";
        ALTER TABLE "prereview_applications" DROP COLUMN "due_date";
        COMMENT ON COLUMN "prereview_applications"."state" IS 'DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn';
        ALTER TABLE "prereview_materials" DROP COLUMN "certificate_id";
        DROP TABLE IF EXISTS "onewindow_approvals";
        DROP TABLE IF EXISTS "onewindow_evaluations";
        DROP TABLE IF EXISTS "onewindow_certificates";"""


MODELS_STATE = (
    "eJztfWt34ji29l/RypeuWouuARIuSb/vWYskVBXTCdRJqO6ZM8xxhC3AE2MzviSVmen/fr"
    "TlC77IYHOLMfpSFWxt2TxbSPu+/302NxSiWZ9usEZ0BZuDF2KaqkLOrtC/z3Q8hz9Sx1TQ"
    "GV4sliPggo3HGiOSvdGS4Q1nt/HYsk0s23TEBGsWoZfoHdlUF7Zq6EA3cpoN0hg5jfN2c+"
    "S05eo5XGldoJFTr9YuEEaaQedGsmZYjkmQYSLyg86JjAXRVX2KFPxWQRN62dAJmmFNgyEf"
    "2B9kvrDfPiJ7RpCi0hdRZfsTvJViyPBJn77XCzi6+k+HSLYxJfSeSV/jb387Awr2dvjt7O"
    "9/p3+oukJ+UBzpXfi4eJYmKtGUCK9UBUjYdcl+W7Br37/3bj+zkTDbWJINzZnry9GLN3tm"
    "6MFwx1GVT0AD96ZEJya2iRLimO5omsdm/5L7BegF23RI8KrK8oJCJtjRgO9n/2/i6DKwG9"
    "HV80lVrE86eZVU5b+81wsNlaT+YCg9doeSdJZYKvAaMeZ5l2RDh2Wm6jaA9e8/3HmXoLCr"
    "Z/CAm6+dhw/nzY8MBsOypya7ySA7+4MRYhu7pAz4JdKySQAXCdtJxG/pHVudEz7qUcoY+o"
    "pH+sn/YxMu+BeWbFj+2nxwffj2APgZ/YLKQNfePP6vYMCwd999HHbuv8Hj5pb1T43h1xl2"
    "4U6dXX2LXf3g8sugG4m71wSToN97w68IPqL/GfS7ca4G44b/cwbvhB3bkHTjVcJKaKn6V3"
    "3U6Mgl152FsiHXo5SC60Xhuo9RiO3e2y+5Dlswl918VnvDV/F4N/xNbK57ZO8KdgKL2G4Z"
    "Oocs6dUwn+mEEhe8a8PQCNZTjqUEcQzKMaU+wl/ICgivB4O7yI/hujeMLvf+9/vr7sOHGv"
    "sV0EGqzS73+sMY9PRnaNH3SkB+M8MmH+8lRQxn+vL7gvlsX6f92Rz/kKjsObVn9GOt3l6B"
    "+m+dByYB0FGxzaXv3aq796IIg2Qm5ZO0QiRbiFve7/0I1vMawQrk18kzV67yxd4osp8Nk6"
    "hT/VfyxvDt0ffAukw4eHrayldvmqNEdHl1+Yomfg3k/fByol+dfmHi7gY3ncebzi3djAHg"
    "MZafX7GpSBGk4Y5RN2JXgrHJW/P6PH4F63jKwIFvAe/sgX5LFti054S9d0KBDN2trFIdlW"
    "BcZp3xskra9N8GaS/VNF/DQlNQQXWYDy2npkoYtpHxqlvIIuaLKhNEd9S5xVMIdzw7R9sT"
    "6t177EIVod6dkKAv1LtT5HoW9U42XGtmVnnZH78baXn9nrpPrkak5fN6BmH5vJ4qK8OtqK"
    "jM/s8BrT/+cIrIwcDdiyqyoCjlAjggKJ2qt/vFaxmmLRmmQswkwj3d5gMcJYqhrLqy7z5Q"
    "ru4L5Cm8wc/12kXron3evGjTIewtgyutFbi75omEupeunoTQt/FkIpmG5rqOYvYjj/jzrw"
    "9Ew+w7JdH29I5HmOiBzlMefTBqawPNYkuIXCWlR2c6wn02E0pUG9FUmeGwJVid5UxlBUsm"
    "pq1O4Etu++Pr3iynKita5AVrzi5WVjeYqExQ7dPixMx8HFuTb/5LtzKBCS1HTML5ZOQ06r"
    "hG/25VFf/vxmW9xUIFGr5lKOzbD7z/GNELhNh/so1X3b36OiMmQVSHURUwdCFMP4GpiCj8"
    "kIQDPn+kj/Snp1e6jIxX6+kJqRYEPdA5kTFB/x7RNTgfE3NEX3PEYHf/okgblOlg/ZKmpu"
    "EsrNHZH7+gpycvLkKaGY7pTjfS6SwhDw8dCREPo7Pq5VW16k5Xa7E/KfM/ffr0d7hiYdsx"
    "6Wg2GC7+gVQdXRP1HxB1wdRrYV0T1jVhZxHWNcF1YV0T1jVhXUugu4mjn6HEBblLJaGEOz"
    "rp9vcnOKDFzRX3csoEZ7e9x+FD72Z4FUiQI51e6XbpldCMeTnTzMKY+AYV4kszzha699Dt"
    "iaNrpa/8EEnpDJ/1RiMDwnRUKsTsnjAsH2zf9nSrJLx/fhz0+fCGSOLiD2h6/2EK2p4MnC"
    "GtY+yomq3q1id43HsoHYBQRPDxcf5w3/lLnAU3d4PruEQDE1zH+BFRUfNwJUFYCN7AU4+a"
    "Nxv5C/gZJ5sb43j5LiX0Hgg3S3YHgm/g2t6B4M90hHJ3JrCeVcN63hKmX2GOWwKOqbLCRN"
    "/UIXSMo9uEd/Lkgeu/Ya4bd6qy4mVpxrY/vkc6RZnhkcgPmSx24IwCoLr+XKVGzCbzhba9"
    "qxMAG3pTlRWv9/KiH6PA8D5u4WNBakuv8Nrwl3usvw0N+DdjxsiWMTDvamhekTfCvp0Uc4"
    "/HvqsJS5AoUtju6UJqmIwbz+SN7ZYumcQg9/JPAo55Y0KpKfbMNJzpLE4pBdNzc1fodSkM"
    "frBaUoMAuj+oyKNjrQeubNWG10gEBCTGVFYFBxBvtKS6w9Xs5Qsal7WmnzLSJng8ci7IRP"
    "Hd81ATQDOmqo68md/QB6y7tQOUCsKIrifD+9N3bX/DloUsZ/wPItsfwQdPR1E8eXECh304"
    "t2zBwjReVC/60aMT5QuEB/6IBKEj9cUKD/wpcj2LBz68JW/ixQzTF9l1fPZ7l+6IQ+m+1+"
    "99exh8eejcX6FXIs+wLc1VXaXfY2ri+Uj3xg06wW0DB1e/93uDfnCDHYkj/brb+3Ov/0X6"
    "1nl8vEJj93CUFth1Kb6/R8k/abkcTklUWJIUmalFigegJz4373+F3zmgKJ1btHmRAeDmRS"
    "q+cCu2iAmVLWyJ6HIS4iEVyVPWcYRqI5iLqTNzj57uX4arXWzByXM36H/xh8f9bn/Ez4eJ"
    "qnG8/emOzxDJVi7PzRZ4GX2eETGNalg5C4yESHapEBX3l7B5hRGAKglt7goj361S+VkqsR"
    "IjoQVVpBIjDHWOfcfnRrpNB75QdiuOfNEYOU25Vhs5rUa9Tf+un7eW5T/8xAlW/hE8bgtT"
    "tQii76zbv6AFfZKhYw25X4olV9DzyXxb0GWCsA3k3NKTh3qsSJIoyDZVESaaE1LWhYnmFL"
    "mexUSjqNZCw29S3oj+OJ3QMtdqmXQRafA3fcYL4ZSa6+n2epNYcpLCVno469MlS6lG+nXn"
    "sXdzhWoj/bfuQ+9zr3t7heosxJ+qilfoPKMpyy0IcV5vNYNaEPBhVRmIx/vO3R23VKXrms"
    "yr8ycIhdqfX+1XFclN5c2LfoJQoL8N+uwL59n0OaQ74UCBcuV2v+2z/JS8Kz1CJFb5BqZF"
    "BmDuFR4j2xPyZVreqiVhqvO+cKTHdbW2l3QHLLPtY39UZbY3ykuJhhBtEQXIiWA6MgVO5F"
    "nsGiz6Pelv19x6cd2682RZVMU80VbDpBs2RB/axkKVt0Sqz6YawkyfDU2j6nxJl5aBpQn7"
    "glsCNui4OGXylhzj4rKccTC5NDXx1vvWY2jCLzBfWZeYqMknavKVKvniaKDap4uWJQLfEz"
    "BQnHE8teHblVUOWzczec5GZnfcKtC872LSkCH2fYzplYtGqG8DmxRhmeVcum0aNGNqQSm5"
    "V9We0REQ1PdqmArCuoIMNjXW0HAw/Mb12O77ecJVK1y1wmknXLWC6wfgehZXLcQR5XXThm"
    "lKV9du98bM4/OGHzHYvvwhzbA1y2WkjxOWEO691FazDXshbRbsziEVbqkNnK/CW1JQb8mB"
    "C1EVbfd5P4WdAZamrvtorlPWA+6tV9U7CAajGX1DNH4LNGVX3a8gSzYWREG2Ab0Wl30VqY"
    "78J1bQnhWx/6ATFZRi9P/RVDPGWPuYVNH3+Bxu/jubHu6aHmZKpO0la28q8uGFBn88e9KR"
    "6nJCgz9FrmfR4P2deZNceJ+2yLrO2c1d9+HXK0SRNZ9H+kP3t1739+7DFTLJi0peiTnSv3"
    "bu7qT7Tr/zBa6zmj2ueEDvdW7ve/0rhJW5qseP0yw60+4Lfi+P0JxZkQlC0XxdtLLfH5qu"
    "EJwPzjCNyNxdnbkbyNZbpu7GXJDHCe3aDN7wyuKn8PL32B0AfBuZ7Ci3grXwJs6W9RjPvK"
    "50W6LrN7crJ66h86VIiecPZEL3qdnQeCb6GcdOErlfWWUqMd2Rkg1DM1pLBjo062N0iNG5"
    "pfjcan4WsSxQwD9M8FzV3j7+ggwqtyPVttDj187P9UYTevhZNl1nnO6Cu51ahCsU5BitCG"
    "PHCam9wthxilzPYuxwN+6cSkmEaL9ayTuUSd5Wy3ML50nP9EvwzUgpml6MrsgmpA3d5bs3"
    "/fig5VSqI1RiAcfjD6iUlzvcI0olopjWBtaQHwuVMmGD8zZKWcLz9njP16RYZRr2hmJVlH"
    "IHbC6mxl8OLpMXuv9txOUIpeBy0bicI0xpn/algWOPjR/dF8IMYwnzUvh2ZZV1yWADJfLi"
    "509nyZq5bLebI6fRUiaQxdJ2+0Y0gywWHbHpIErGSzhGHxaONasgjShTYn5E5Ad9gvaGDF"
    "0mv6BXU7VtokOSiz0jSJ5hfUp+sujKxbqFmQGFl0vzTm8hTFaFkVGFyep0jBfCZHWKXM9i"
    "smLbvMusBNfT9dMo1b6MK2VSUPGUMm1K4cjb1CBGJ7DOkmXzphmYA/OKGvtLElFjP7J17a"
    "LG/sIZU/xmGx0ucdqDKHUFsTMW/DAplE53x/SSrm6b3J6E4duVVTqdq99I9Hwz83QiHDeg"
    "DeBYrsG/4yq9Mmk0Is0ACZ5cucoR1g1dlbGG4LeCTCJDRQIWCKAQWYUYgAqaGZoCPQFVqC"
    "2vKwhswcRiEQHc0giHfr5Q5IQiJ0R6ocgJrhdEkbPIP5PsvlanPT21l9c/OVzesJb6+zoX"
    "3Srpl/X6+XmrXj1vthsXrVajXQ1qpidvraqgft37Alm1EU7yCqrDuZlbdY6RlU+fu6hm0O"
    "cuqqn6HNxKtAL0C87lbwkYoxTljdeqzyApJkFOr5Pgjy9FjM0hqiMUSmP6Sk/Es1SFid3N"
    "oi/N/IEZlKW2Um+OnGarLkMX9fMLX00B5cSizNEIMo1X8ECZbyCAE6p/aIb8bFWQZSB6bj"
    "lElwly6/JbVDV5oR8MNMULC5p1KY77oycWT1M63MNH+kjvG5DfjrqsivQVUm1QpJg+NlHp"
    "6kbP5I3NS1eh7JgmuNwmqmnZ3pMt5AriQOiXsNPoWh3pT0+9/mP3YYg+ffqEqBZ3M+h/vu"
    "vdDNHtANHfwdde/8vTE9Pc6BfT0ZwQmz7W/ZaU0ew7wtfahzL3OMealip3cPfhIxY7Nm/O"
    "kq642SYhkqX+i1czZYVIFyE7XJOcUoh2hdqU+/RD+qbM7mbZlHV6J6MJ656Yz3Tro/tjvV"
    "0fOa3q+DK8M4L5B0xEsHPJxnwBiULIcsaw4q4Qa8yEqqwJIkgDnrWo4t14RtYC6xaq/+8z"
    "3H7hbcwHfj5nb3Z33J9Zzg3dHS1EdS+qnlmE1TL5wKaqIIDUbZbx8Re6G4MRxt1lqUJs2X"
    "i+sEb6q+FoCpob9G3sGX2CYjiUL94J8y8C3wP+1rA5pTSIcS24aEzT650EDbCWb7FdfZNV"
    "m0nWfdrbcou+TR9EO0zf0VMaoK0+Kt+h4VmRz8twjwEltdPNqjUdpSsTqgc2fvAD2q9VHZ"
    "tvfOhTgtnHb16J9SODfRWCnlc00BOpmnjd63ce/spXFK85XtTrvw67neJIJY/qVCfKkB62"
    "aepibEQW6cRiJExzzOxna41bBMp+VxWqw7WhdXNch6MH6E+We87CuWwacMrbTHCYG5BBTv"
    "Ut9mBPoaICgFJvNGqXXmQjqGQ8vfGATxa+NeFbE14W4VsTXC+Ib6045piT0aTCOV+GnZJA"
    "uUrejJAJoTOP0BlZ+r5dQ5rzSgWvWv0xSqFtbfwToIJhTsfnkqIUXrl9uzxBLse2Y3I3+P"
    "Q9JkIm9pg8e0xBFNsbKt5Tva3jKKqdGjuaHFRZpd7K7nAJw/i8gaStJiFu8Cb991xpU2Wz"
    "ObmAAE/MQjtxzVc5X2eGl2dHFUrodeXn3rmPrzAl9BWcfx+WGgenaPeBnimUWqHUCvVGKL"
    "WC6wVRaulBZJh5ZMqAQIiUWRL+ZL9zSg58+b1WygDweT0DwOf1VIDhVqyvkE3mFD0lV/Rt"
    "hOhwMJ/tSwzY9yp2hT2O5p+eShkiEamUkbNgF6mUbAHnFIiXJKKI/Mqa54BUEtn8Jc+J+a"
    "LKpOfNdpTAri0dHVpVkdLR9Pmo//3u7r1qR3+ha5r8RkzL/d4JZT5yv7JKj5/CSOnFHZo9"
    "E7R+SfySOs3zagtU6kYrnImpzueOG/Plzc1yL3UEiP5kIfbYX1AodcFCC0/P9glUTm3pwz"
    "16xOKP53RJmyqF4empgp6eLJssLC/k+OmJaZh00oVGR9GrE0PTjFdkub8M608utpY8I3P8"
    "aZHq9v5b8JP0Hi/aeQmjwTHJwMepPgqjwSlyPYvR4GV5cEZZnuoGDFGUyQNYr120LtrnzY"
    "vA8RdcWeXvS/r26PQ2FFPKWyI4TldCm8Ee1FlDV1TbF+eyJjhGqUpgNThEkmM0o3SKNWmM"
    "LTUX7jEyAXxu4CeESOFXzQE+h1QwIDcDAiUpjwUtQlQMGxo8rzQ2NKaq5mFIQCCYsXNmRC"
    "wFeZiSICwGc0plbaa34P1zcGVJsRU7imkUPRjurg+FKmG8n8QKnSBKVoLzOqoQ1BuNDBoB"
    "HZWqErB7Maw9I9T4LRfUESqhfGVQvt7NdVU0oMvjuyooshs7rzL0PeWWpeKFxnvUn399IB"
    "pOUaE80DvLmUoE+h97rZOhTkhqA4/lzcrKPFQ6LGfzjgsyxiOn1ajx22YgmBJZqu0wZqIP"
    "I4cO9SgqCD41Ich23GyyT5NqNXDbTao1mK2G2Wz15kcoHmGjqWk4C8v3nDFPHbeuUYHeTI"
    "T6FuS4qAiv3Qn5b4TX7hS5nsVrlzdKcrcBkgVqPLn7KFT2fw5o/fFCY8ySlmeYtmSYCuHE"
    "qafXNY4QHc7nXN0XyDtwOB8u2y6qkHL0onusvw0N+PcwGum77j4r9FH27aR4FZ3odzVBc6"
    "RnbuBHjSosE8NkPHkmb2zhu8QSA97TbgO+eWNgBrd5k3vfnlEhfjqLk0uxJ3GVZHpdiheC"
    "+2N1GaHQ1+PVEIp++3TFLfJNs6tuoBRdtluXS6VoarwQU4faPBE1xi/GN6erSFYXWPuTog"
    "KnZdvPdORrYLt+gFCkhCIlRGqhSAmuC0XqvUWZfcv6QpEKwK3V2xnQpaNS4WX34jF43AK0"
    "AHBXd+YJYTwWiccvRLtPl7IvEeWUBs7uv/d7N71vnburpXg10m97j8OH3s3wCkXmzcuZZh"
    "bGxDeoEF+aSRXXMeWUhb+eL0vqY2KMdNMZdu4GX0IMkjyxd1eMqmfZn+rp+1M9sT/N/Vrq"
    "maP4fIJixCWVKmgMsJUmGp5yOJJ+ZESpShcds6djA2KwNXWu2pKC3zh4r6heniQV5rh4/s"
    "fCNOaqRfWBjTBOoRYwx2GGcPYJyZO4FKIQcCab3/3TUekGLVFdT+OL7teGoRGsp4WJcujj"
    "FfToBPvC2decDlxAbzC4i5yF1714DsH3++su3aTZFk0Hqa7JNckAvFgY9IlgWZRYIEaeg5"
    "BLvKfOeO+oR+2h5owlBf3Ic674OKlY7NkX+8JYOBo2VZsTopt+NEaIxBae2EE0FVv5VJoQ"
    "iVBqdq7UWASb8kyyyQ+OTTk9US9GVgK15tBJel7nRSl/cjuHUmw08Y1GIQtsusJGPq9kgl"
    "DkAKzOAVgCloQ5dybAbWSy44R3bSJAYolFIh0euq4tMmM+QLze8+YJAdyK08cliqdmBYS3"
    "hmSJrc0xixf2KsmKTdP6tk858WcqMVgiPycrWOQFa84usOoGE5UJqp1FRcZD+LaLjYwkOh"
    "1VOEHeyMjIN43HRS5DTaMRkfFox3g0JC9icpcRkcmwoRnWeLVAcjP+K52n9Dz3v2RWdgO4"
    "O+B0wKMcPF4Z9ho+azlhr7GjOD3sNX76Z+onMmmw5L0qhtDU9gW9QnAoLZDqFlRs0u2fLD"
    "Q2jGfKPr/NtqUZNqIIux9CwavcFiJ7egy3Jqg/GQygf8wXhk10+Y3xmjIiNsCPJpZt9YVI"
    "c2w+03niZUSjNAr2JqI/Q9thWBNdsSBk7+8i4lZE3BZXgDnS2EsRcXuKXM8ScVsQP2fhOL"
    "5nRyecgNxfWYqlFvOcbJGf1hGCvAJU+Gkkqsph07Y22J4ihCXcnY53N0oeQr4YmJPFITLB"
    "4EIzeCnxbxSPHVAf0A0LChXx11zmaOzrweDX7u0VcqlH+s3X7g29IPX6V0ieEZlelFSdXu"
    "/0b7p3dzBUhu+saTC6P5Aevw5+pyvCkKwZxXKDU2v3wfRRHS+PoBAnLF8wVJbY4PTI4ERc"
    "cFzvzgE2h7SEMtnuM6Tol3SIRPegca56CHGyjQIUira0d12EP9jwNjEqxIl3cMQXDO8ynf"
    "DBKbYJq2O0gtNF5nTIAZwz8ihJKTrnRXfMkK8lK6ghEhHIJWrj7hNO35mTE9IYmYA1buLS"
    "jLyQhkgEnKujN8MeyC1jN79b5Bg1qKxRm7HfKb+Ec3x73QGsp10cexkNG98TdgGtN01JMQ"
    "1tgxkwnXmBL1tiummQ0JFgGpInM2CKozGcW0KbLyK0mBrAWoCTWlChOj3/qhrW8y2BHfmM"
    "E1YVvl1ZFVb1DAPp92KdidnQDHFV7RrBUCAdX0KXZaUJ/05aI6fZOsfhsKepatnEJAqC1Y"
    "rch7jl05nZyAoioyyk6uhVtWdIpX8brzqSKRm9oWKNF3F1+BcQ1QgLIkNWkIiNOp0oGREb"
    "dYpczxIbJUrm7bP2OKEbYv62zDEyAXUGqE3yAjEIG+xeUUrhjSnOZsVPfREeg30ZD4XJYB"
    "uTQYa+b/vUZP8bQjRuDEe3mVqVUGUj9yurdFk32EN2h2ZWZsP6Y3uMa1SLbLSqvhYJheo1"
    "bNmITY7cSBI0VV+IDiojdjVLUJyQgt9YLg/W3TL3LOiap70e4Inc1CH/Z+IFLCcDxOOJQU"
    "KlFSptcfe9I1VuhEp7ilzPotKKvJPceSciQ+pdMqRAPskfjBujEsXC4pG4QksUWqLQEvnd"
    "0yBEgtc2zQudWNEvjY7IoQwyNyK5DNQxqMwAaUIwHYKDFb1SDhqvv6CnJzd96OkJ6eSF6m"
    "jkh0yIYtEbMl5gWbXf6K0PFHFFhSdgDbnS2Ue+UniwJ69UDrmH4jJLM1k7YiUhKyYh1Eih"
    "RhZ3YzxShUKokafI9SxqpNCJ3kUnEtq7qBohXJ/JQ0hUjSg5g32VI4clKExyODPQPg+XHV"
    "uClmUtMiK6JBBmtTiYqiXJmmHx8FzXtWZJd8CWNcGVo+1ZIwyZO009tMl8AVVgc0IaIxNZ"
    "3MI8vA7S7c3DvHW7A1jBzjsMTXeUC3YturFfbO6MI9Es4VBF7dc6K7o/ZOK/LddrsRxQWe"
    "e+kIg/dgNHxsi5mLTH9MplLVSTGgQbxyTIjR4jP+iEyCIW9A+B4tTLKDPwQij4bbXLYofP"
    "EIlWBTkqK8KdcEKGZeFOOEWuH5E7oWASnfAmFM6b8Ezfkr8219eu9WmL7Ok6u7kbPLJStM"
    "woNdK7fxk+dK5cwSounmVZtbuvQcv8MtJc1R2e0vc4p/JeqgUzTluiUp3n9VYzMGLCh1X2"
    "y8f7zt1d0qRGdGVDYKOUAtZ3d14UE82dmdupKGTx6sykSwlLihI0cI7usfVGlk2WjkrdZd"
    "k9YV4XhuBimSoLHCcc2IlTLG9hO/Iaw5tvkN3I7tbEdcjtbLUmS5vYKyHP2ls4nDdkCvM7"
    "wS2TOSvLokT+sbPOErfHp+YPHIYHe7pJRL4TmabCpnc8e+KRWneETe8UuX5ENr3CcXzPRr"
    "3QaZhHgQ+RlSlYbhfq+7sbnEqM7btanEqMq4iX3b3N6QVrKtUyTYNT6TzdaxKl2tJ5UjCr"
    "Xj7fiYuEo9sqx/SxDsCA7JQRFDY5YZM7YptctKfBliGDGfsZFPP3fthQwWvTwIqMLW5xg+"
    "XNyipL5cKxZtLYH5vZVNma4AtWjK42ci6rNUyvtEhjaTTUDRvKpU+wrhMFGY6NbANNDE0z"
    "XonJCqbLM0d/tqAegeyYlmE+PaE5fib0ng2V1Z05vCHPXnnIR4uAwoJs7xVhfDwhM5QwPp"
    "4i17MYH8lLWnO6dJtjmGY3psb1e+vBDI27Lypuq7aWqzp+QFBCO+7u4aWPs7m96tIBDpGU"
    "EOJ6tZolyqVaTY9ygXux2o6OohJPncvsmwjRHDCWyC+svP9G9llwbqfD3E6g7MtP41xt7K"
    "NUJVzRe+ipYWPb4SjW2QKUl9QHXNamo+sAWT7Ezx6+9/u9/pcr5NGP9FsqSVwhxdBJXBl8"
    "nzhlV2fMteADitKFKO5B/DBszDHXpbo3gvGidkXcseGaQCTD4UgbqXhGiQSoQ55x+X3iE2"
    "+Jpr4Q8+2MY+4L7lXWWvsUd6iaPTCxqbTb9N9qc0L/rV82mOGtDg0oxtWR05g0GuG6o0zf"
    "AqMbfDCJrC6oWGVfIXkGS4uyCNsQGmlbFTS3pqpSQe4BVUHENA2TZ/M7/AtwwxXDmmQwr4"
    "hHFCbBYxJVj9M4JEyCp8j14zEJJvlbJpugixeDKDfKPpVQ9DN1dPSlihw4R4hKCPPuDVfG"
    "guj5dowlRfkqEOzByO1K2rmMJEuS8iG8eyvUyrJ+K3w1K8v6lQHpejsL1PV2OtZw77jMr0"
    "k9ju5WygbW12/d/i2zvnr0I/3Rv2L5Vx66w4e/uiZaYptv/qghG2KP9NvuXe+37gMUm/As"
    "DVBv4nOndweXJljV4PP3vjeuc33XvUKO7o2FLw1zdG6lu+5w2H2AWbBCGWx7PTzf/7fnmw"
    "9yWNXCJMKmFjdUMitMEs1rdZoKaECypyoKB5XeXTgv6/Xz81a9et5sNy5arUa7GuCavLUK"
    "4OveF8A4sp45KRpg68olzvsE5Ts16o1GpkoLjRWVFhqZPf1/fhz083r6FVW20X+Qplp72y"
    "1Cxr+xo2q2qluf4LHvYfsDiCL2Bx/pD/edv8SZcHM3uI4bFmCC6xhDFniaS3/1x4v1nmm9"
    "m4R1nc5zLIZJxLEY36Edi5g500JCJKJk98qsEEAqiWzurJDv3jRHiejapJDQcspdT3qfnt"
    "A+i/EfGgtV/swi+884LtHkoMpa36gNoyU3WyB73ZZa63zkNGXSHjmtZvti5FwQqGh82W5d"
    "gr+y1oTqxvUWZC20Q5kKdK2qCrgqvechKHFsvkD2AqunYphukRXbQFNis5IqbnKDxa3j8j"
    "5vwXWU+j8uBqdwkAoH6THZno/TVSYcpKfI9SwOUncTzqH3BATCl5TBl/RuUnrRgC6BmF5Q"
    "SDeW09+5oOKg89nLu+XJ56G76wVzA0tBDm92ubwpQ3eRWsuvchiWkdvV6lIK1tGgg1wfL7"
    "JneCkMf6Dir/dg5SO9RRCWZcPR7V8QgI5eZ0RHz3Tn1fky+cHfQKQsF2RTE+L3KQliQvw+"
    "Ra5nEb8PHmu0wb56xKFGljOG9xqTvB1ao4R7a9GawNq/cLQNWpfAbdJ9PU68g82smMb1I9"
    "y7OEeWvhW3OeSC34Xmt3A5lsWWUUxEj9bl+OhuZOx7fzGxzi26lhxUWWvZsEI00hSIMhs4"
    "2mNcHzmXzWojliJ5zv5uXZz75oWZ8YroV3tDc1VXf16YBn3QHAWbM5oTy6LfG5x/zKiAZW"
    "gaS5SgwYMfOMyzcrzXa6x2PYYinYUDUlhAhC4sLCCC6+/jgHy/XJXCcXn/ySommdPHeckf"
    "meMwQzQiELMwgZhFW74lUIsKCumxung7i4Wmytj71gmFKHx7tSpkEpO8qFSUxUuS7J7e+i"
    "WBeMdJE32ACtGNGnyqYoh+hEjIxhjXPiZDHn+yUOhpTMnAOot6rKCFyupHe1VkpvRHS9AL"
    "MS06kOvpPfwbCE9vQfY2oeecksQr9JxT5HoWPYfu3nMJdoIk09NT/iJEIukvwupdJP1B9n"
    "1K1l+21P29Fq9JnnuKiSd2TvDPbh86n4dXiNGO9Mfv1/e94RDS7S1nPFdtGzLue33poftb"
    "r/v7FVJ1yRW2Rnq/2719lG4GDw/dm2Fv0KdsI0SxKAamSdi6GOnfOo+PMNkCWxbM9ND9Mx"
    "0MV0zyDzoIrsGPi77F73QC6P9L3+RVh5E33d5v7kiZqC8wEr5H5+am+43NoBu25Ft5R/ry"
    "eujat28Pg99YwQEqCZjGi1tx4PsjFCtwv6MF5QqWYxk9GwrXbrv9nluMQFfh8033Ydj73L"
    "uhG4Z0TyXnKyQT01YnIIMRaY4VQrF6fPwONKplOW58QP6q1lkSLFfVtI7r9Z7ol0OrD1Ec"
    "Tqev7evc2LFOH/wyNgtiiNAKn3ZxTuWkMAb1QzRV5xwC6c3pwjR770x3yHCsFYzlNKaTNU"
    "y/ae4C7xGq8mXP7z6ITSGyCls1PZaxxdvjh+RHyibPIS1BlfFV+0/3L8PVUmKw/dwN+l/8"
    "4XHRMckAZaOzIEopToIinwS+ELoBm2Okgs9F5rM8I/Iz5dWcom+qWOOUJFlRg4dHvJVifj"
    "yc3osG7qpyoF9LVOEe85w9K5ry8Ih3IlIUKCr+IouyeJGuLF4k+x956vMGO12MVOx0Rd7p"
    "FIdICtfAtUK3CdGcsG4TmI0knsCdDl+c7pQbly+xeDXMZzovXVhveQqApU8golDiFivWmp"
    "hIKwzaaaJrlK58Cvnuja2u+RhrFDWyyLGeE3RiGceXsWzMFxC8spFPPEYrhJNCCydeTypp"
    "TiibUmI/1zvhONMUeAs7+73Xvx38Dm4wXTFeR/p9p3d3heZY1TbxI2UJEE0PD00Eh0IkFT"
    "tm82tiHNICs6EwmpjrQtxgr4sQio2u2BvdApv2PK0PUXpkXYJQxArHfj4s7DEnqmEaAWgM"
    "UKjlmRPPEInI8I3t7jaZ50QzRCIWZ1LFZWHROSGNkQlYVydc+HAlIRZJF9Gki9jCiiRePF"
    "Cx4aF3MzxLbAg7wPXRrcDc82YrKbyhrTADtOxY3wG2X2Ce35axcSUFNywFZUB3KYruAOLb"
    "yGQlBTghvGdAGUSpHeD71ZvmKEWutcCG5M0USNNz3SImXIM+A/jD8Uhce9Sff30gWpCfxk"
    "e7s5ypPKBHluWKQImcQPmpbPfejCX6/ccNabqlBkmKO8FsGMxZVtRkY76D3+MDy124cecq"
    "K1S+J2n75cWmKStModyNLZHq3iynKtE2nyv5O9zxG2tOgBgf1YFOhgb9JwO2kdlKhOxmmf"
    "LB4bg6Yz58hmbJnI+c4lnS5luN83Mo3wWFyZutRpX+27i89LPUIevcWWgGVojCqpCbxLGg"
    "BvlE1UhQkQtauKkmHeE/HRkTVqWc6R+8VPkDPZVbHQxH6xH41BJbW6JOmMifP6Lz8UgzqU"
    "X+/ClyneNHTdVCvd04wfn0ZtAJwsOFXe2T1btus+3DxC4k4E0P/UgQilps2WqxWTYdOCXS"
    "M8mVQBkjE2hnRHuG641mLqADihJivIdeC+q/OPtGenC3N1xsxtwwWNbq3UUlx5KN04mFm2"
    "HhGqY6VXV6gIESmff04xKXEPa9NIWHrAOHY5nLXn/H4aWD7DOn3bc+5FSUz75/uxt0WEUa"
    "f4Ys5XXiBpL3yXdwjSzSxDTyhjMlKUWMWGynD5UXyodtklJgm8jT8e15ObFNUoqwsdVhYz"
    "Hb6ZYhDLHKsMcJ8NpQhuQqK2jx3pDvebVTIuqkzuKWiLnKMzkm6uMmdBGp1qBvqgJdRJqT"
    "C99F8Doz0ByKu0Gt3Ej5XHoIMfcAy3WEyrlYN8D4X3G7pH5Y2oQ/0lsKvfrG9VAc+PGikm"
    "9Bdr+K8ESckE1aeCJOketZPBH0eDL4HR9WVapZ0pTQOrB7o4wLmGlouawxUaoSAl1rZrGM"
    "x38cIcN4Mw40081zl42IUpUQ6N1bUeiGkhvmMI0AOZOpKm+JTFEZc4vKmMLCIiwswsKyqY"
    "UlGqrOsawkYtmzWFTCYfSZ2iONcQ1iLQk0aK1VJyOnfSnXwt2IYFpi/mQh6ARnPiOqrIMh"
    "Yxld6YZdQrMKxL46xFtGzR/crkgHe7AwoRRke6sIE8oJKdPChHKKXM9iQvG39pxWlBhZCT"
    "Wi3RtS3jtutmCe5V1Harmj8kYNRalKWCktSwDnRXr85kUifHNOLItK0XlADpGUcKdoVLMY"
    "T+ioVJDZvUSJHUN7IZxN+dowNIL1tH15SRaDekzp9oV1cOWwMu71YHAXOWeve3FTyff76+"
    "7DhxqDng5SXXUzuXsI+4mwnwj7yRYRKm76Oj8oJUhtT7eaGFRTZpVYpUhGfQ6zSb11ybNe"
    "uGmogf3CWKi6yqwX7I7/MASFoHMZS/b2uCwJsUAukmGF/eTotrsj1aSF/eQUuZ7FfhLaiR"
    "NcT8+4ihCJvCte31eAKK8yHyEqoaZ5Xs+gaJ7XU/VMuBVXM4X571DJba4oyId5fY5ViLzI"
    "cJ95vb2D1t6ss/dfWV/vt7g0nYURO+6sIC9duFnjUkIkIjBFBKa8t+YhDCt5AD5yw0qk2h"
    "3HuBKvhpfFwBKvxZexBFkDTB9QBqw9lmv0Sq3ZCkeIWJR7yG2GgrAFhg3yc+hJFfRMFnSA"
    "zsp/+QW7f7LQK9Yo1ikFyPb/TBGQUpBtrSIMKiekWguDyilyPYtBJZxMn7voCod2XyJ7md"
    "pQ57WzlNjEsnu9P38Lvy07920gKBwxvC9YU926JvxTgg9xlGrL3tBFW9ErIOY0h3ahcHRb"
    "5bS8WIdgQHbS7bVF+UBRPrA8B5YoH7hLN9bR1VVjG3tO+wBdaHe92yvEaEf6Q/e3wa9QYc"
    "0kL8azV6Ltfe3+3ptsoExGKUWH3+LojkmTgc+rca6DOEpVvhjw3R8RLmJSWo73OqilUqV6"
    "HyAavCBOtIKt8m2MzbHO7/wAiBXW/DCRcEuK/sCiP3CBfbz5+wO/pye9mLvsto50+hqo//"
    "3u7oyz+e4A4pNoZRs5dXL3XN1rnMKycxwvSiHSVy5LjMKyr132NJDLlkL/VQhh4QIXkUAB"
    "3/PP0jPovPoUfaj93PjIcjCQbMwXgKSCLLeh9y9ojBUYbCFsQlkLTTNe6W1nwc0IOdyTRb"
    "hCQc7lChLhCqfjuBbhCqfI9Uz5HzKVVJIMf5xjTUs3mftEZbKZn9dbzcBcDh9WWcof7zt3"
    "d7xuOynR2asa7ZQpOvsAtiTVkqiIkYR4ZV2BJdHeqgocMijhMDUFXOFNchZ08+BVG01POU"
    "hSlmBtHzrzwJedAcZ8DoEkpXAKrHcKhFHLLwQlqYWrrThyT1LcVQKDS04rb4JQ2HljP6QZ"
    "lR1zghoiEf6dmLxjk7zN0kIkYnEK384pd0h719hh4TYrrNssyIuMb7U7gPXRNYX3vNlKim"
    "7okMngkFQi/i3hLFuPb0LOzIAyiFE7wPerN81RiltrgQ3JmjvwQWb0uQ90MjToP3vxuBfy"
    "1NtP5vp2Zf6IqcqzM16RP/dOZZV3Fy/HrHPnpmO1YwdoqomeK0lx7PMeYwq7mHYT0J7u63"
    "whppVa1SYlc2hJUsJ8jL20Z4cfVQ6EveElRLeWySNSW+ERqSU9IvSJNlew+vPjoJ/mdQpI"
    "4mZKVbbRf5CmWkcsXPHABTBW2+jj5vhKVDWDCa55utkhQ5b++D+fISaq"
)
