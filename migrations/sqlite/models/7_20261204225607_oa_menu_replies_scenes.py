from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "oa_follower_tags" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "tag" VARCHAR(80) NOT NULL,
    CONSTRAINT "uid_oa_follower_openid_1dd743" UNIQUE ("openid", "tag")
) /* 粉丝标签 — a tag the account put on a follower at WeChat, mirrored for audiences. */;
CREATE INDEX IF NOT EXISTS "idx_oa_follower_openid_fdd1c0" ON "oa_follower_tags" ("openid");
        CREATE TABLE IF NOT EXISTS "oa_menu_versions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "number" INT NOT NULL UNIQUE,
    "menu" JSON NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "published_at" TIMESTAMP,
    "conditional_menu_ids" JSON NOT NULL
) /* 自定义菜单版本 — one saved version of the custom menu (default and conditional menus). */;
        CREATE TABLE IF NOT EXISTS "oa_replies" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "trigger" VARCHAR(16) NOT NULL /* KEYWORD_EXACT: keyword_exact\nKEYWORD_CONTAINS: keyword_contains\nCLICK: click\nSCAN: scan\nWELCOME: welcome */,
    "key" VARCHAR(128) NOT NULL,
    "tag" VARCHAR(80),
    "content" JSON NOT NULL,
    "updated_by" VARCHAR(64) NOT NULL,
    CONSTRAINT "uid_oa_replies_trigger_12e68e" UNIQUE ("trigger", "key", "tag")
) /* 自动回复 — what the account answers to a keyword, a menu click, a scan or a new follower. */;
        CREATE TABLE IF NOT EXISTS "oa_scene_codes" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "scene" VARCHAR(64) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL /* HALL: hall\nWINDOW: window\nCAMPAIGN: campaign */,
    "tag" VARCHAR(80) NOT NULL,
    "wechat_tag_id" INT NOT NULL,
    "ticket" VARCHAR(255) NOT NULL,
    "url" VARCHAR(255) NOT NULL,
    "expires_at" TIMESTAMP,
    "created_by" VARCHAR(64) NOT NULL,
    "hall_id" CHAR(36) REFERENCES "halls" ("id") ON DELETE CASCADE
) /* 带参数二维码 — a scene QR code: scanning it follows the account, tags the follower and */;
        CREATE TABLE IF NOT EXISTS "oa_scene_scans" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "openid" VARCHAR(64) NOT NULL,
    "new_follower" INT NOT NULL,
    "day" DATE NOT NULL,
    "scene_code_id" CHAR(36) NOT NULL REFERENCES "oa_scene_codes" ("id") ON DELETE CASCADE
) /* 扫码记录 — one scan of a scene code: who, whether it made them follow, on which day. */;
CREATE INDEX IF NOT EXISTS "idx_oa_scene_sc_scene_c_47d0c1" ON "oa_scene_scans" ("scene_code_id", "day");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "oa_scene_scans";
        DROP TABLE IF EXISTS "oa_menu_versions";
        DROP TABLE IF EXISTS "oa_replies";
        DROP TABLE IF EXISTS "oa_scene_codes";
        DROP TABLE IF EXISTS "oa_follower_tags";"""


MODELS_STATE = (
    "eJztfWt32ki29l+pxZdO1qLTNjYXu8971sI2SZjYkGOTTvdp5pULqQCNhcToYoeZ6f9+ap"
    "ck0KUEElch6kuCpdol8eyiat/3v0sTQyGa9eEWa0RXsNl9JaapKqR0jf5d0vEEPiSOKaMS"
    "nk4XI+CCjQcaI5K90ZLhDWe38cCyTSzbdMQQaxahl+gd2VSntmroQNd3alVS7TvVi0at7z"
    "Tkswu4Ur9Efadydn6JMNIMOjeSNcNyTIIME5EfdE5kTImu6iOk4FkZDellQydojDUNhrxj"
    "H8hkas/eI3tMkKLSF1Fl+wO8lWLI8Jc+OtQLOLr6T4dItjEi9J5JX+PPP0tAwd4Oz0p//z"
    "v9oOoK+UFxpHfhz+mLNFSJpoR4pSpAwq5L9mzKrn371r77yEbCbANJNjRnoi9GT2f22NDn"
    "wx1HVT4ADdwbEZ2Y2CZKgGO6o2kem/1L7hegF2zTIfNXVRYXFDLEjgZ8L/3X0NFlYDeiq+"
    "eDqlgfdPImqcp/e68XGCpJnW5Pemr1JKkUWyrwGhHmeZdkQ4dlpuo2gPXvv9x5F6CwqyV4"
    "wO3n5uO7i9p7BoNh2SOT3WSQlf5ihNjGLikDfoG0bBLARcJ2HPE7esdWJ4SPepgygr7ikX"
    "7wP6zDBf/Cgg2LX5sPrg/fDgAv0S+odHVt5vF/CQN67YfWU6/58BUeN7Gsf2oMv2avBXcq"
    "7OoscvWdyy+DbiTuXjOfBH1v9z4j+BP9b7fTinJ1Pq73vyV4J+zYhqQbbxJWAkvVv+qjRk"
    "cuuO5MlTW5HqYUXM8L132MAmz33n7BddiCuezms9obvozH2+FvbHPdIXuXsBNYxHbLwDlk"
    "SW+G+UInlLjg3RiGRrCecCzFiCNQDij1Ef5ClkB40+3eh34MN+1eeLl3vj3ctB7fnbNfAR"
    "2k2uxyu9OLQE9/hhZ9rxjkt2Ns8vFeUERwpi+/K5hLuzrtSxP8Q6Ky58ge0z/PK40lqP/W"
    "fGQSAB0V2Vw63q2Key+MMEhmUjZJK0Cygbjl/d6PYD2vEKxAfh2+cOUqX+wNI/vRMIk60r"
    "+QGcO3Td8D6zLh4OlpK5+9aY4S0cXVxSua+G0u7weXE/3q9AsTdze4bT7dNu/oZgwAD7D8"
    "8oZNRQohDXeMihG5Mh8bvzWpTKJXsI5HDBz4FvDOHuh3ZIpNe0LYe8cUyMDd8jLVUZmPS6"
    "0zXp2RBv23ShoLNc3XsNAIVFAd5kOLqakShm1kvOkWsoj5qsoE0R11YvEUwi3PztH2hHp3"
    "iF2oLNS7ExL0hXp3ilxPo97JhmvNTCsv++O3Iy2v3lN3ydWQtHxRSSEsX1QSZWW4FRaV2f"
    "8ZoPXH708R2Ru4O1FFphSlTADPCQqn6m1/8VqGaUuGqRAzjnBbt/kAh4kiKKuu7LsLlM92"
    "BfII3uDnyvll/bJxUbts0CHsLedX6ktwd80TMXUvWT0JoG/j4VAyDc11HUXsRx7xxy+PRM"
    "PsO8XR9vSOJ5jokc5THH0wbGsDzWJDiFwlpU1nOsJ9NhVKVBvRVJnhsCFYzcVMRQVLJqat"
    "DuFLbvrja90upioqWuQVa842VlZrPlGRoNqlxYmZ+Ti2Jt/8l2xlAhNahpiEi2HfqVbwOf"
    "1cP1P8z9WrSp2FClR9y1DQtz/3/mNELxBi/2Ibb7p79W1MTIKoDqMqYOhCmP4FpiKi8EMS"
    "9vj8vt7Xn5/f6DIy3qznZ6RaEPRA50TGEP27T9fgZEDMPn3NPoPd/USRNijTwfoljUzDmV"
    "r90l+/oudnLy5CGhuO6U7X1+ksAQ8PHQkRD/3S2dX12Zk73XmdfaTM//Dhw9/hioVtx6Sj"
    "2WC4+BdSdXRD1H9A1AVTr4V1TVjXhJ1FWNcE14V1TVjXhHUthu46jn6GEhfkFpWEYu7ouN"
    "vfn2CPFjdX3MsoE5Tu2k+9x/Zt73ouQfZ1eqXVolcCM2blTC0NY6IbVIAvtShb6N5DtyeO"
    "rpW88gMkhTN8VqrVFAjTUYkQs3vCsLy3fdvTreLw/u2p2+HDGyCJij+g6f2HKWg7MnAGtI"
    "6Bo2q2qlsf4HGHUDoAoZDg4+P87qH5e5QFt/fdm6hEAxPcRPgRUlGzcCVGmAvewFOPmjdr"
    "+Qv4GSfrG+N4+S4F9B4IN0t6B4Jv4NrcgeDPdIRydyqwXlTDetkQpi8wxx0Bx1RRYaJv6h"
    "A6xtFtwjt5ssD1PzDXrTtVUfGyNGPTH98TnaLI8Ejkh0ymW3BGAVAtf65CI2aTyVTb3NUJ"
    "gPW8qYqK16G86McoMBzGLXyMSBlYsmT6tSSw/W4IVrf5BFPdGoWS2Df0oa8MFnrA+qxnwL"
    "8p82s2jBg6qFl+SZYN+3ZSJJgg8l1NWINEkYJWYhdSw2TceCEzdra4ZBKD3MvWmXPMGxNI"
    "5LHHpuGMxlFKaT49N9OHXpeC4M9XS2LIhK/X3mF4g8QyD3du5mWKCg/gwWdDVwZSNNHY0F"
    "Q6HoISJviF/OxMkRcIgNjlIauvgBWiIN2wKQa/wnUL/mBWFHp9aGia8cYCHd4IeaG34xET"
    "u3oQhEY0PQI67wyZBMtjRJeQwcZNTaquGI6F7ohMIEoCvaucnV/9ZKGJ8UqnhFdAdCy92P"
    "j5vPJz5ep9GVmMtq/De6kWcn8jCMumYVnesyxE+Tum09ljrKMp/TAj2BTxDiLeQXi+RbyD"
    "4Hqe4h3yUSwiDwJWyloR9FDmHETpHOw+bZ4jGkqfu/ftu+Yf175Q0tcfml9a375K37uPX9"
    "gNEFGcKat64a2Hw3vZRXDJLsFlYl3GIhIhom0KYvnQerdbR8IFKw5v5koSvkL0B5W4jxfc"
    "lSUlQosrT0UlQvgvUVh9/qTQWEF5Sh3736g0Kn2nenZZn5cGHDSu6OeLq4ofdQ+l/mBSqu"
    "j5iqenJL6jw2vDecD+Va0Gk1WuCP33vCa7wfvwuX7Rdy5Jgyx/YN+p1xqXUJLiHNPPdVJ9"
    "j7DlabK8zIEje3uhzeZkZy0LbfaE9BqhzZ4i19NoszPvVE2Z/e4P307e+2GD97eQ+B5E0l"
    "ZtLZNCNScooka1i3B9kwyJSXSe1L+s+GGAqHCxy7XLFDDXLhNRhlthkOnjbMjxtMa4Uq1l"
    "QTpOWcCFvX3AXelYGnCsislYh4gEzClgNslUwzLFjEXjZTjy4oSi6MvaRV98X/LmYdue//"
    "rIVvlBiii0ftjE1LHWhlIAqs0NC4iNKS+ztBBvtKS6w9X07R+qV+c1v+Rmg+AB2BWGStBU"
    "oRkjVUfezDP0Dutu7wWljDB4zw3vo18a4Cu2LGQ5g38Q2X7vev4di5g8a8l+H85t+zA1jV"
    "fVqx7l0Yn2D8IGckR72JFqw8IGcopcT2MDCW7J6zipg/R5lsVL31t0R+xJD+1O++tj99Nj"
    "8+EavRF5jG1pouoq/R4jE0/6ujeu25zfNvD86rdOu9uZ32BHYl+/abX/1u58kr42n56u0c"
    "A9HKUpdlOyD5+R65+0GVSsAEmemZonAw098bku7yV5+3MKYZpZqcJahMoWtkR0OQ5xj4rk"
    "Ces4RLUWzPmMoucePa3fe6FTJ5aiPD957rudT/7waN7yX9HzYajybLvJieMBko1Sxtdb4E"
    "XMGQ+JaVTDyhhbEyARkTXLI2sAqji0meNqvlmFylMtR+JpAgsqT9E0DHWOfcfnRrJNB75Q"
    "eiuOfFntOzX5/Lzv1KuVBv1cuagv2qf4hSdZ+0zIWJ6aqkUQfWfd/hUSHCxDxxpyvxQrTk"
    "nPJ3M2hbwMbAM5t3Xnvh4rwlRysk2VhYnmhJR1YaI5Ra6nSrpQramGZ1LWoPUondAyUzhK"
    "sQaf6TNeCadVX1u3V5vE4pPk1mla6tAlS6n6+k3zqX17jc77+m+tx/bHduvuGlVYiUSqKl"
    "6ji5SmLNe3elGp1+ZuVfhjmUf16aF5f89t9ekmK2fV+WOEQu3PrvariuSWQs+KfoxQoL8J"
    "+uwLZ9n0OaRb4UCOag1vf9tn9T2zrvQQkVjla5gWGYCZV3iEbEfIF2l5q5aEqc77ypEeV/"
    "UqX9DtsU25j/1RtSlfKyQsHEK0fmAYL4LpyBS4tCW6RJ3KtGDR70l/u+bGi+vOnSfNosrn"
    "ibYcJi851DamqrwhUh02VQ9m+sgK7BR1aRlYcisIbVzQzMUplbfkGBeX5Qzmk0sjE2+8bz"
    "0FJvwE8xV1iYmehqKnYaGKVx4NVLt00bJC6g+sfFyJ46kN3i4vc9i6ld0nbGR6x60CKfuX"
    "w6oMse8DTK9cVhsLDyqbFGGZJbtAOTobQuItaMX3ptpjOgKC+t4MU0FYV5DBpsYa6nV7X7"
    "ke210/T7hqhatWOO2Eq1ZwfQ9cT+OqhTiirG7aIE3h+gJu35h5fN7wIwbblz+kMbbGmYz0"
    "UcICwr2T3nS2YU+l9YLdOaTCLbWG81V4S3LqLdlzI6+87T6HU9gZYEnquo/mKmV9zr00tf"
    "RhMBrTN0SD2VxTdtX9MrJkY0oUqDWPkUKm2GRuHNCRfzFMeg26CqB3OlFZWfn/h0aaMcDa"
    "e14p/Z09h5v/zqaHu6aH2WJW+AvmE/nwQoM/oj3pSHU5ocGfItfTaPD+zrxOLrxPm2ddp3"
    "R733r8co0osuZLX39s/dZufW89XiPo7kLeiNnXPzfv76WHZqf5Ca6zLj6ueEDvNe8e2p1r"
    "hJWJCu1ivt21e106CDuKahtm9IBNo0Vtv/744lDNmCcZI9zguDweJWrlwbhANtDRKS2mAR"
    "KBZiSlnYnF2eAM0ohc3uW5vHNpe8Nk3ohT8jihXZnTG1xZ/KRe/h67BYDvQpMd5VawEt7Y"
    "2bIaY6YObo7uZ2+aYuIaOF/ylIr+SIZ0nxr3jBeilziWk9D98jLjiemOlGwYmtJ+0tUJ8u"
    "gQo/N7AkJ9P4tYFqjk74Z4omqz978ig0rySLUt9PS5+XOlWoNOfRYV53hdF7Y7tQhgyMkx"
    "WhbmjxNShIX54xS5nsb84W7cGZWSENFutZKcdPrLouW5pfSk5E6ACZpehC7PRqU1HejbN/"
    "34oGVUqkNUYgFHIxKolJc5ACRMJeKaVobakB9TlTJhjfM2TFnA8/Z4z9e4WGUa9ppiVZhy"
    "C2zOp8ZfDC6TV7r/rcXlEKXgct64nCFwaZf2pa5jD4wfrVfCDGMx81LwdnmZdclgAyXy6m"
    "dUp8mjuWo0an2nWleGrDGm20miNs9r0RGbDuJmvBRk9G7qWOMy0ogyIuZ7RH7QJ2gzZOgy"
    "+RW9maptEx3SXuwxQfIY6yPyk0VXLtYtzAwovOyaA72FMFnlRkYVJqvTMV4Ik9Upcj2NyY"
    "pt8y6zYlxP1k/DVLsyrhRJQcUjyrQRhSNrm4MIncA6Td7NDLocxmFeUnV/QSKq7oe2rm1U"
    "3Z86A4rfeK3DJUq7F6UuJ3bGnB8mudLp7ple0tJtk9ulMHi7vEync/UbiZ5vZpbehIMqNA"
    "YcyOfw7+CMXhlWq6H2gAQPr13lCOuGrspYQ/BbQSaRoUYBCwRQiKxCDEAZjQ1NgS6BKlSb"
    "1xUEtmBisYgAbrGEfT9fKHJCkRMivVDkBNdzoshZ5J9xdt+oo8Tu1B7BdqqrH9a56NZNv6"
    "pULi7qlbOLWqN6Wa9XG2fzKurxW8tqqt+0P0GebYiTvBLrcG5mVp0jZMXT5y7PUuhzl2eJ"
    "+hzcijUH9EvQZW8SGKEUBY9Xqs8gKcZBTq6c4I8vRIzNPuol5Epj+kxPxFKiwsTuptGXxv"
    "7AFMpSQ6nU+k6tXpGhr/rFpa+mgHJiUeZoBJnGG3igzBkI4ITqH5ohv1hlZBmInlsO0WWC"
    "3Er9FlVNXukfBhrhqQXtuxTH/dETi6cp7e/hfb2vdwzIeEctVlf6Gqk2KFJMHxuqdHWjFz"
    "Jj89JVKDumCS63oWpatvdkC7mCOBD6Re00DMmDz8/tzlPrsYc+fPiAqBZ32+18vG/f9tBd"
    "F9Hfwed259PzM9Pc6BfT0YQQmz7W/ZaU0ew7wtfahTL3NMGalih3cPfhIxY71m/Xkqy42S"
    "YhkqX+i1dFZYlIFyLbX9ucQoh2udqUO/SP5E2Z3U2zKev0TkoT1gMxX+jWR/fHSqPSd+pn"
    "g6vgzgjmHzARwc4lG5MpJAohyxnAirtGrFUTOmNtEUEa8KxFZe/GC7KmWLdQ5f+/wO1X3s"
    "a85+dz9mZ3x/2Z5dzQ3dFCVPei6plFWHWTd2yqMgJI3fYZ73+luzEYYdxdlirElo0nU6uv"
    "vxmOpqCJQd/GHtMnKIZD+eKdMP8i8D3gs4bNEaVBjGvzi8YouQLKvCXW4i02q3iybDNJu0"
    "97W27et+m9aIfJO3pCS7TlR+UBWqDl+bwMdh1QEnvfLFvTYboiobpn4wc/oP1G1bE540Of"
    "EMw+mHlF148M9mUIel7RuZ5I1cSbdqf5+AdfUbzheFFv/ui1mvmRSp7UkU6UHj1sk9TFyI"
    "g00onFSJjmmNrPVh/UCRQCP1OoDteAZs5RHY4eoD9Z7jkL57JpwClvM8FhYkAGOdW32IM9"
    "hYoKAEqlWj2/8iIbQSXj6Y17fLLwrQnfmvCyCN+a4HpOfGv5McecjCYVzPky7IQEymXyZo"
    "hMCJ1ZhM7Q0vftGtKEVzx42eqPUApta+2fABUMMzo+FxSF8Mrt2uUJcjm2HZO7wSfvMSEy"
    "scdk2WNyotjeUvGe6m1NqMCZGDsaH1Rept7K7nCJlfXMGkharxHiBm/Sfy+UBlU2a8NLCP"
    "DELLQTn/sq59vY8PLsqEIJ3a/83Dv38WWmhL6B8+/dQuPglPHe0zOFUiuUWqHeCKVWcD0n"
    "Si09iNya06mD6XwCIVKmSfiT/V4qGfDld18pAsAXlRQAX1QSAYZbkU5DNplQ9JRM0bchov"
    "3BXNqVGLDrVewKexzNPzmVMkAiUilDZ8E2UinZAs4oEC9IRBH5pTXPAak4stlLnhPzVZVJ"
    "25vtKIFdWTo6sKpCpaPp81Hn2/39oWpHf6JrmvxGTMv93jFlPnS/vEyPH8FI6dUdmj4TtH"
    "JF/JI6tYuzOqjU1XowE1OdTBw35subm+Ve6ggQ/clC7LG/okDqgoWmnp7tE6ic2tL7e3Sf"
    "xR9P6JI2VQrD83MZPT9bNplaXsjx8zPTMOmkU42OoleHhqYZb8hyfxnWLy62ljwmE/xhmu"
    "j2/nP+k/QeLxp8CaPBMcnAx6k+CqPBKXI9jdHgdXFwhlme6AYMUBTJA1g5v6xfNi5ql3PH"
    "3/zKMn9f3LdHp7ehmFLWEsFRugLaDHagzhq6otq+OJc2wTFMVQCrwT6SHMMZpSOsSQNsqZ"
    "lwj5AJ4DMDPyRECr5qBvA5pIIBmRkwV5KyWNBCRPmwocHzCmNDY6pqFobMCQQzts6MkKUg"
    "C1NihPlgTqGszfQWvH8GriwoNmJHPo2ie8Pd9aFQJYz3k1iiE4TJCnBehxWCSrWaQiOgox"
    "JVAnYvgrVnhBrMMkEdohLKVwrl62Cuq7wBXRzfVU6RXdt5laLvKbcsFS803qP++OWRaDhB"
    "hfJAby5mKhDof+20ToY6JIkNPBY3y0vzUOmwjM07LskA95169ZzfNgPBlMhSbYcxE73rO3"
    "SoR1FG8FcNgmwHtRr7a3h2NnfbDc/OYbZzzGar1N5D8QgbjUzDmVq+54x56rh1jXL0ZiLU"
    "NyfHRVl47U7IfyO8dqfI9TReu6xRktsNkMxR48ntR6Gy/zNA648XGmOatDzDtCXDVAgnTj"
    "25rnGIaH8+57NdgbwFh/P+su3CCilHL3rA+qxnwL/70UgPuvss0UfZt5OiVXTC39UEzZGe"
    "uXM/alhhGRom48kLmbGF7xJLDHhPu53zzRsDM7jNm9z79pgK8aNxlFyKPImrJNPrUrQQ3F"
    "/LywgFvh6vhlD42ycrbqFvml51A6XoqlG/WihFI+OVmDrU5gmpMX4xvgldRbI6xdovigqc"
    "lm0/05GvgW37AUKREoqUEKmFIiW4LhSpQ4syu5b1hSI1B/e80kiBLh2VCC+7F43B4xagBY"
    "BbujOJCeORSDx+IdpdupR9iSijNFB6+NZp37a/Nu+vF+JVX79rP/Ue27e9axSaNytnamkY"
    "E92gAnypxVVcx5QTFv5qviyoj4kx0m2z17zvfgowSPLE3m0xqpJmf6ok70+V2P408Wupp4"
    "7i8wnyEZdUqKAxwFYaanjE4UjykRGmKlx0zI6ODYjB1tSJaksKnnHwXlK9PE4qzHHR/I+p"
    "aUxUi+oDa2GcQC1gjsIM4exDkiVxKUAh4Iw3v/uno9INWqK6nsYX3W8MQyNYTwoT5dBHK+"
    "jRCXaFs6857bmAXrd7HzoLb9rRHIJvDzctukmzLZoOUl2Ta5wBE1WfYyet1VyCP8P+lvr5"
    "bpf6NtpM4OnUoNOC+VZi0S5ZpA0u8Y7aDx5QWd1BYR9Lmjd9z7itREnFjpJ+R5kaU0fDpm"
    "pz4qCT5Y8QkTgnYzuIpmIrm94YIBGa49Y1R4tgUx5LNvnBMdwnZ0NGyAqgO+47E9Jrbyll"
    "ryDAoRQbTXSjUcgUm66wkc31GyMUiRbLEy0WgMVhzpxucRea7DjhXZltEVtioXCSx5Zr8E"
    "2ZdBEtqr1+1gW3rPdxieKJqRfBrSFex2x9zKLV0wqyYpO0vs3zevyZCgyWSIJKCxZ5xZqz"
    "Daxa84mKBNXWQk+jcZKbBaCGssmOKmYja/hp6JtGg08X8bzhsNNoSGk05JQXlrrNsNN4bN"
    "YYa7yCK5kZ/5nOU3ie+18yLbsB3C1wes6jDDxeGlscPGs5scWRozg5tjh6+qdq2jKssgzJ"
    "Mwzxv41LeoXgQO4l1S2o2KTbP1loYBgvlH1+L3NLM2xEEXb/CEQIc/u07Ogx3MKr/mQwgH"
    "6YTA2b6PKM8ZoyIjLAD9mWbfWVSBNsvtB5orVawzQK9iaiP0PbYVgTXbEgLvLvIqxZhDXn"
    "V4A50gBXEdZ8ilxPE9acEz9n7ji+Y0cnnIDcX1mCpRbznGyhn9YRgrwEVPhpxEr3YdO21t"
    "ieQoQF3J2OdzeKH0K+GJiRxQEyweBcM3gh8a8V9D6n3qMbFhQq4q+51CHvN93ul9bdNXKp"
    "+/rt59YtvSC1O9dIHhOZXpRUnV5vdm5b9/cwVIbvrGkwutOVnj53v9MVYUjWmGK5xqm1/Y"
    "yFsI6XRVCIEhYvGCpNAHZy+HUs+Dqqd2cAm0NaQJls+2lo9Es6RKJ70CBT0Yko2VoBCnlb"
    "2tvudIAp3xRsgm1yqHmJPRmC+7j0e4zwm1852hC/xZGzjlknSrwFIStnK75IMtZcjliH1R"
    "Fawek8czrggs8Y+xWnFA0iwztmwNuVFtQAiQilEyWgdwmn707LCGmETMAaNTJqRlZIAyQC"
    "zuXxs0Ef8IbRs98scow6bNq42cjvlF+pPLq9bgHW064Bv4hHju4J24DWm6agmAa2wRSYjr"
    "3Qow0xXTdM60gwDciTKTDF4SjaDaHNFpObTw1gJcBxLShXDc2/qIb1ckdgRy5xAtuCt8vL"
    "AtteYCD9XqwBNxuaIrKtcU4w9AHAV9BMXKnBv8N636nVL3Aw8GykWjYxiYJgtSL3IW6XAG"
    "Y2suaxaRZSdfSm2mOk0s/Gm45kSkZvqFjjxbzt/wVE0c2cyJBlJKLTTidOSUSnnSLX00Sn"
    "icqQuyyxT+iGmL37eIRMQJ0CapO8QhTIGrtXmFJ4Y/KzWcXPKOEx2KXxUJgMNjEZpGhvuE"
    "tN9n8gSObWcHSbqVUxVTZ0v7xMl3XDbWR3aGplNqg/Ngb4nGqR1fqZr0VCPwYNWzZikyM3"
    "lgeN1Feig8qIXc0SFCek4BnLpsK6282Bhb3ztNc9PJGbvOX/TLyQ8XiIfjQ1S6i0QqXN77"
    "53pMqNUGlPketpVFqR+ZM580fkqKVQWrefowbySfZw6AiVKNcWjcQVWqLQEoWWyG8SCCES"
    "HO3QD51Y0haQjsigDDI3Irmaq2NQGwMStWA6BAcreqMcNN5+Rc/PbgLX8zPSySvV0cgPmR"
    "DFojdkPMWyas/orXcUcUWFJ2ANudLZe75SuLcnL1UOuYfiIk82Xr1jKSEr5yHUSKFG5ndj"
    "PFKFQqiRp8j1NGqk0IkOohMJ7V3U7RCuz/ghJOp2FJzBvsqRwRIUJNmfGWiXh8uWLUGLwi"
    "IpEV0QCLNaFEzVkmTNsHh4ruobtKATJQUylBQQhsytph7aZDKFOrwZIY2QiSxuYR5eBenm"
    "5mHeut0CrGDn7QWmO8oFuxLdyC82c8aRaFexr7YCK50VrR8y8d+W67VYDCivcl9IxB+7hi"
    "Oj71wOGwN65eo8UBUcBBvHJMiNHiM/6ITIIhZ0cIHy4IsoM/BCKHi23GWxxWeIRKucHJVl"
    "4U44IcOycCecItePyJ2QM4lOeBNy5014oW/JX5urqwf7tHn2dJVu77tPrBgwM0r19dbvvc"
    "fmtStYRcWzNKt2+1WAmV9Gmqi6w1P6lneej9IWqFjqNrrOE11ZE9gwpYD14M6LfKK5NXM7"
    "FYUsXp2ZZClhQVGAFtrhPbZSTbPJ0lGJuyy7J8zrwhCcL1NljuOE53biBMtb0I68wvDmG2"
    "TXsrvVcAVyO+v14cIm9kbIizYLhvMGTGF+L75FMmd5UZTIP3ZWWeJ2+NTsgcPwYE83Ccl3"
    "ItNU2PSOZ088UuuOsOmdItePyKaXO47v2KgXOA2zKPABsiIFy21DfT+4wanA2B7U4lRgXE"
    "W87PZtTq9YU6mWaRqcSufJXpMw1YbOk5xZ9bL5TlwkHN1WOaaPVQDOyU4ZQWGTEza5I7bJ"
    "hXsabBgymLKfQT5/7/sNFbwxDazI2OIWN1jcLC+zVE4daywN/LGpTZX1Ib5kxejO+87V2T"
    "mmV+qkujAa6oYN5dKHWNeJggzHRraBhoamGW/EZAXT5bGjv1hQj0B2TMswn5/RBL8Qes+G"
    "yurOBN6QZ6/c56NFQGFOtveyMD6ekBlKGB9PketpjI/kNak5XbLNMUizHVPj6r11b4bG7R"
    "cVt1Vby1Qdf05QQDvu9uGlj7O5veqSAQ6QFBDiytlZmiiXs7PkKBe4F6nt6Cgq8dS51L6J"
    "AM0eY4n8wso7B7qRBudGMsyNGMq+/DTg2COXLOcQVQFX9A56atjYdjiKdboA5QX1Hpe16e"
    "g6QJYN8dLjt06n3fl0jTz6vn5HJYlrpBg6iSqDh4lTdnXGTAt+TlG4EMUdiB+GjTnmukT3"
    "xny8qF0RdWy4JhDJcDjSRiKeYSIBao9nXD5MfOId0dRXYs5KHHPf/F55pbVPcYeq6QMTa0"
    "qjQf89qw3pv5WrKjO8VaABxeCs71SH1Wqw7ijTt8DoBn+YRFanVKyyr5E8hqVFWYRtCI20"
    "rTKaWCNVKSP3gCojYpqGybP57f8FuOGKQU1yPq+IRxQmwWMSVY/TOCRMgqfI9eMxCcb5Wy"
    "SboIsXgygzyj6VUPRTdXT0pYoMOIeICgjz9g1XxpTo2XaMBUXxKhDswMjtStqZjCQLkuIh"
    "vH0r1NKyfkt8NUvL+hUB6UojDdSVRjLWcO+4zK9xPY7uVsoa1tevrc4ds7569H39yb9i+V"
    "ceW73HP1wTLbHNmT+qx4bYff2udd/+rfUIxSY8SwPUm/jYbN/DpSFWNfj7W8cb17y5b10j"
    "R/fGwpeGOZp30n2r12s9wixYoQymOrtJ7zx2v35lc5vGdOqWVz38r9E3KGSwswVJhJUtar"
    "pkdpk4mjfqKBHQOcmO6irsVZ534byqVC4u6pWzi1qjelmvVxtnc1zjt5YBfNP+BBiH1jMn"
    "aQOsX5kEfJ+geOdIpVpNVXuhuqT2QjW17/9vT91OVt+/oso2+g/SVGtnu0XAHDhwVM1Wde"
    "sDPPYQ1kCAKGSR8JF+99D8PcqE2/vuTdTUABPcRBgyxaNMGq0/Xqz3VOvdJKwPdZZjMUgi"
    "jsXoDu1YxMyYKBIgEUW8l+aJAFJxZDPniXzzpjlKRFemiQSWU+YK07v0jXZY1H/PmKryRx"
    "brX+I4SeODyiu9pTaMltz8gfSVXM7rF32nJpNG36nXGpd955JAjeOrRv0KPJjnNah3XKlD"
    "HkMjkLtA16qqgPPSex6CosfmK+QzsAorhumWXbENNCI2K7LipjtY3Mouh3kLruvU/3ExOI"
    "XLVLhMj8kafZzOM+EyPUWup3GZuptwBr1nTiC8Sym8SweT0vMGdAHE9JxCuracfuASi93m"
    "Ry8TlyefB+6uFswNLM2zetPL5TUZ+o2c1/26h0EZuXF2tpCCddRtItfri+wxXgjD76j46z"
    "1YeU9vEYRl2XB0+1cEoKO3MdHRC915db5Mvvc3EEnMOdnUhPh9SoKYEL9PketpxO+9Rx+t"
    "sa8ecfCR5QzgvQYka8/WMOHOmrbGsPYvHG3L1gVw6/RjjxJvYTPLp3H9CPcuzpGlb8RtDr"
    "ngd675LVyORbFl5BPRo3U5PrkbGfven0ysc8uwxQeVV1o2rACNNAKi1AaOxgBX+s5V7awa"
    "SZq8YJ/rlxe+eWFsvCH61WZoourqz1PToA+aoPnmjCbEsuj3BucfMypgGdrIEmXe8sEPJe"
    "ZZOQ71Gstdj4HYZ+GAFBYQoQsLC4jg+mEckIfLXskdl3efvmKSCX2clw6SOg4zQCMCMXMT"
    "iJm35VsAtSinkB6ri7c5nWqqjL1vHVOIgreXq0ImMcmrSkVZvCBJ7+mtXBGIdxzW0DuoGV"
    "09h7/OMEQ/QiRkdYDP38dDHn+yUOBpTMnAOot6LKOpyipKe3VlRvRHS9ArMS06kOvp3f8b"
    "cNUff2IYQD9MpoZNdHkmvZCZUIOEGnREG+ORCsRCDTpFrqdRg+jmPpFgJ4gzPTkjMEQkcg"
    "JDrN5GTqBJqOQBqexzGSUtZ+KUG7Enn+b6vfEByiYkJGemq7mw06pDcflDMfHQzvgjKN09"
    "Nj/2oJgBpe3rT99uHtq9HpQ3sJzBRLVtKJXQ7kiPrd/are/XSNUlVybu651W6+5Juu0+Pr"
    "Zue+1uh7KNEMWiGJgmYb/Pvv61+fQEk02xZcFMj62/0cFwxST/oIPgGmxy9C2+0wmgcTN9"
    "kzcdRt622r+5I2WivsJI+B7N29vWVzaDbtiSb4zv64vrgWtfvz52f2OVIqhEZhqvbqmIb0"
    "9QZcL9jhbUmViMZfRsKFy7a3XabhUJXYW/b1uPvfbH9i3duKUHquBcI5mYtjoEUZlIE6wQ"
    "itXT0zegUS3LWa84RCVdNfIlxcij5hdPQs9gfAlQ7M/0cr6r83vLppf5L2O9WJMQrQg9yI"
    "90FBeKofCLpuqcQyC5q2CQZuctBfcZNbeEsZyOgj4MEtt3YTPhFdVeGg2XNMXO4uLiv5P5"
    "laONjJM1TFdc5g4JIariFZvYfsynQmS2RKl4hC3eWdsjPxIOWw5pAcr0LzsHWr/3lkvr82"
    "Pgvtv55A+PivBxBihrnclhSnEi5/lEjtqPM+xpHFKxsa3e2KgqZCoOkaDAAp10nR9YwhTi"
    "l5bnX5qvdq/B7wip4HOe+SyPifxCeTWh6Jsq1ji1spYUh+MRC5vj+jZH13gFFkVJdyYDXh"
    "TCkv5xPOKtnHE5Ste6TGMeu0w2j13GW/V5BsM1droIqdjp8rzTgQjiW15SW3MCNKdszfFg"
    "2MSakzCFsOZkynP0HBYSz8SQvIyjdDtfynnZpDhreYHFm2G+0HnpspxlqRCaPIEIU40uWL"
    "p9OxMiLXGlJqkQYbriaerbd/O5jkusUdTINMN6jtGJZRyzohuTKUS3rhUVF6EVQmKuhUSv"
    "jaU0IZRNCckhq8M/ONPkeAsrfW937rrfIQBDV4y3vv7QbN9fowlW3c7gWQvapalnl1zOLt"
    "Zphg5ix2x2jZhDmmM25EYjdoNX1tjrQoRio8v3RjfFpj1Jal2YHFsfIxTJRJGfD8uLyIhq"
    "kEYAGgEUin1nxDNAIkqARHZ3m0wyohkgEYszruKy9KaMkEbIBKzLMzKDSWQiK3NZVmZkYY"
    "UyMx+p2PDYvu2VYhvCFnB9cls0tL3ZCgpvYCtMAS071reA7SeY57dFVHZBwQ1KQSnQXYii"
    "W4D4LjRZQQGOCe8pUAZRagv4fvamOUqRayWwAXkzAdLkZPiQCdegzwD+cDwSNx71xy+PRE"
    "tK8VpkufszFQf00LJcErCSESg/1/3Bm7FAv/+oIU231HkVg61g1pvPWVTUZGOyhd/jI8ua"
    "u3XnKipUvidp8+XFpikqTIGswQ2Rat0upirQNp+pOkygfTBdM05C0rSPalcnPYP+kwLb0G"
    "wFQna9Ujrzw3F5SZ3gGZqmtE7oFE9TV6devbiA+p7QuaRWr57Rf6tXV34ZGyhL40w1AytE"
    "YW1KTOJY0KRkqGpkXrITeryqJh3hPx0ZQ9bGhOkfvFo6e3oqt34ODhcs8qkltrZEBR1RQe"
    "eIzscjraUiKuicItc5ftRELdTbjWOcT4y6ihPuL+xql6zecuTVHCZ2IQZvcuhHjFAUa01X"
    "rNWy6cARyZpeGSETaKdEe4wr1VomoOcUBcR4B82Y1H9x9o3k4G5vuNiMuWGwug2uA4ZKhi"
    "UbpRMLN03itamOVJ0eYKBEZj39uMQFhL1SraYJo69Wk+Po4V688JvDscylr/zm8NJBdlnF"
    "w7c+ZFSUS9++3nebrBaaP0Oawm5RA8lh8h1cI4s0NI2s4UxxShEjFtnpA4XtsmEbpxTYxv"
    "J0fHteRmzjlCJsbHnYWMR2umEIQ6R0/HECvDKUIb7KclrdP+B7Xu6UCDup07glIq7yVI6J"
    "yqAGbcbOzqGxugJtxmrDS99F8DY20ATKikIx/VB9fXoIMfcAy3WE0vpYN8D4X3bbqL9b2I"
    "Tf01sKvTrjeij2/HjR1D0nu19ZeCJOyCYtPBGnyPU0ngh6PBn8llDLKgYtaApoHdi+UcYF"
    "zDS0TNaYMFUBgT6vpbGMR38cAcN4LQo0080zl40IUxUQ6O1bUeiGkhnmII0AOZWpKmtRYF"
    "ELeINawMLCIiwswsKyroUlHKrOsazEYtnTWFSCYfSp+icO8DnEWhLo4H5+Nuw7jSv5PNiu"
    "EKYl5k8Wglax5guiyjoYMhbRlW7YJbSrQuyrQ7xl2PzBbZu4twcLE0pOtreyMKGckDItTC"
    "inyPU0JhR/a89oRYmQFVAj2r4h5dBxsznzLG87UssdlTVqKExVwEppaQI4L5PjNy9j4ZsT"
    "YllUis4CcoCkgDtF9SyN8YSOSgSZ3YuV2DG0V8LZlJeWnA6SiTLTGcpMC/uJsJ8I+8kGES"
    "pu+jo/KGWe2p5sNTGopswqsUqhjPoMZpNK/YpnvXDTUOf2C2Oq6iqzXrA7/sMQFILOZCzZ"
    "2ePSJMQCuUiGFfaTo9vujlSTFvaTU+R6GvtJYCeOcT054ypEJPKueG1fAKKsynyIqICa5k"
    "UlhaJ5UUnUM+FWVM0U5r99Jbe5oiAf5tU5VgHyPMNdan79+tj9rXXtybqkr9+1On9cI4Xo"
    "s6g0nYYRW+6sIC9cuGnjUgIkIjBFBKYcWvMQhpUsAB+5YSVU7Y5jXIlWw0tjYInW4ktZgq"
    "wKpg8oA9YYyOf0ynmtHowQsSj3kNsMBWELDBvk58CTyuiFTOkAnZX/8gt2/2ShN6xRrBMK"
    "kO3+mSIgJSfbWlkYVE5ItRYGlVPkehqDSjCZPnPRFQ7trkT2IrUDz2pnKbCJZft6f/YWfh"
    "t27ltDUDhieF+xprp1TfinBB/iMNWGvaHztqKXQMxpDu1C4ei2yml5sQrBOdlJt9cW5QNF"
    "+cDiHFiifOA23VhHV1eNbewZ7QN0od23764Ro+3rj63ful+gwppJXo0Xr0TbYe3+3pusoU"
    "yGKUWH3/zojnGTgc+rQaaDOExVvBjw7R8RLmJSUo73KqilQqV67yEaPCdOtJyt8k2MzZHO"
    "7/wAiCXW/CCRcEuK/sCiP3COfbzZ+wMf0pOez112U0c6fQ3U+XZ/X+JsvluA+CRa2YZOnc"
    "w9V3cap7DoHMeLUgj1lUsTo7Doa5c+DeSqrtB/FUJYuMBlKFDA9/yz9Aw6rz5C785/rr5n"
    "ORhINiZTQFJBltvQ+1c0wAoMthA2oayFphlv9LYz5WaE7O/JIlwhJ+dyGYlwhdNxXItwhV"
    "Pkeqr8D5lKKnGGP02wpiWbzH2iItnMLyr12txcDn8ss5Q/PTTv73nddhKis5c12ilSdPYe"
    "bEmqJVERIw7x0roCC6KdVRXYZ1DCfmoKuMKb5Ezp5sGrNpqcchCnLMDa3nfmgS87A4zZHA"
    "JxSuEUWO0UCKKWXQiKUwtXW37knri4q8wNLhmtvDFCYeeN/JDGVHbMCGqARPh3IvKOTbI2"
    "SwuQiMUpfDun3CHtoLHDwm2WW7fZPC8yutVuAdYn1xTe9mYrKLqBQyaFQ1IJ+beEs2w1vj"
    "E5MwXKIEZtAd/P3jRHKW6tBDYga27BB5nS597VSc+g/+zE457LU283mesbeXm/EtMydKxR"
    "TR4/Ehz2LyaNKS9tluCNlpgzDdwEKf29Xbd/43CIgMh1pga8rf68COaN+2wzU6/2u/4ZPS"
    "7pv3TInyX2nMA14aA9uIMWmL5WJDgWTrpSzoxVaVyzQmfdic4a3NnSYhqkEYBGbSsZmywe"
    "Q3vFEqu9Ql8UGjJbBI1MrNsIe2FNbmEWvFaG0PY7MK6waSczYpVNO0/+IsYQxgUq6YTVys"
    "P7kBJN38nYJ5u+c4u6r2YeHu8X+i35YK/OTvRpc737NL9+vW/fNnvtbuc6WGq7rwfuSJ/b"
    "T73u4x+hEdJYhQztWV9/oCLMY7t5fz3vd9bX77q33x5and41okx01v0BVdIwtJLM0Eq8W2"
    "9O7cjFOJ+JbFAdOmut1ABRrn8rsEUFVkE51N5vk2W+/X2L6MrUULNFigVpcs+HqWPSxUjo"
    "lkPomyoI6wqVohw3GCi7pJQmjoyOWiIrsTiymFvlMNkG3eZHN1rE7OFRiWOECg8oL805wJ"
    "IXemJKNh6lr4goN676ziU5V/pOrXFWp1cGdbII/adzMekWy7LhUIl36tjQBQL7If0mwjb6"
    "TuhytekPTTVNw6Ty8JD+0rCjqIQeuBa3KOKeHsvtQmFMie7uY/QxovNE/gxbIvMgeUcsrn"
    "lLZB4UjetpMg8Wm3FaAWhBUbyiiNsXMW1XckgLrjc8z4LlmtA20giPjWTZsZEv0fGB6M5v"
    "xLQSclXDA1aJjlQjcqRXd3Bq0bFxTjAUtr7CIMldUnmucaHI9MpFtUrlucplA5qxV+RgTz"
    "ELv1I5zXsSOCxByJMdyzYmCF4CvfNWAdMUKD8VFR5IdTe4a73nyZIHew+RxSpkSSFVCFlS"
    "cD0nsmRSjeLEDNbEEsVrprAetkTxlos+wkkXx/JvT90OH0x/fPQ3o8o2+g/SVOuIwzR5iA"
    "ESoR9GLNsvmtgXWfEwQTTbj59iuaTIdnESKyM+pVRJw5UlScOVeNKwf6Rny6MMUxVQNdq+"
    "1jl1BvQHP17rBI7SigTK/By5cUkroBu5aqSqcAoFJ58aSfT7P0UCGs/AUTVb1a0P8LxDKD"
    "xbO1tyY694JFMmcnIsFe6t8gobhUlHqelbfXlWgQqm2n+1phCob3Wm+DaAtzG2Qw4mrFtv"
    "xLSQbSCMXsjszTCVMv3IjAGypsov8JclYx28yBhRXXjui1pilNjL4/t6X39+povLJrr9/I"
    "xUC/27X4IF1acvQz+RH3a/9J9+SZ1Q7rBPlN7q09f+8OHDX+idV7TL+sXAv3gwf5jO3v+K"
    "np9tPHp+LtMXJvQhFrHL9Cc4UW3LC3mjjIN39l/FQjI2zRlUB7PZV8Qj9K7PYpuu/0umbP"
    "3vfinRdvJnieI3GrnyuNdNQDjohFHlyCSr41SvhVHlFLmexqgS2JTXCa8MkOdZcyp9af3x"
    "vft4J7V+b972rv0zWCI/qJzR1/27t91Or9nuPC0GwLFLl4HV12/v27dfrt3Tuq8/3TY71+"
    "zE7uvfW/e33YfWNXojmmxM1gx+2naYeMY+P3vv77MnQ8NOuvvs0euaM912F07XiL5pc9PH"
    "l6qYNr+2nrBNZrFN+qd4NutZmCrPZ8BBrWe5UdSfZMqMW/pXiausL26XVyjsFoyUQOtLX/"
    "yaVGrguJcrfadWrZ+BQ78h9506GV7Sfxtn54sQUTY9+p9HBE9wT1odFE/V9tRRK6hhl0EX"
    "da8sQkj1WMLWId6hr/va/5tqj9ltNu9Plqtgf0A9MpnSlWPO2HMsRH5MVZNACOzzs/vZoq"
    "L187OIShAKtFClhAItuJ4nBZpt5lkkpjmB6Ju80tFY+MzPz837+2uWatvXv7c7d93v18jt"
    "LtLXb+m6bLY/da6RjCdTrI70fFgWRMzxztTfNyKPsQ0pXtz8zcRIpxhdkWr2by3kyVblF5"
    "IpG3NBUcDlW6lW08TgVKvJMThwL2JFMDm16ZaYD0xeY3aBbgK6C3Uwq4gZphRBN/mRKDlB"
    "NyKO7cCFXEQN881LGIsypRuUKeXXxUxAGgyTnKi8G4/s45dHos2rjPJR9iy/T3SmI9wnkt"
    "D+aw+2dAZZsi3dRzSFLX3OxjS29FqlNnDt1dDOcXDWd6rDajWUBMfCyYZzO7ZrxH4bGyze"
    "C4zHYMieYIWAUXriGa3LUIjhbazKY6TgGS/2bY9PTlPQdOGHYO+KZ6J4qbCA53mzOlJbqL"
    "CAnyLX01jA81jjoVBqCpwAvkuZI+Yta4kYJd1ZY8S86Ctb7IwIsgR3G+ND7Q1ftncVC2rY"
    "e6LFlufCWNaKy1FCUdZxuXYdFns31LEjcT/Hie9KXTu2xrJq3LvUJpvEpJpPiaNIenfKy3"
    "RIvBizSndMhnXLoUWJzqq0HiqPh/l1fm/FPZWsQ70uyvukFawCJAWUrHbiUoEfVQaEveEF"
    "RPc8VUr++ZKU/HNOSr6I5z6ZfOC//g8WDydJ"
)
