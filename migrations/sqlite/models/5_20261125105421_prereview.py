from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "prereview_applications" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "form_data" JSON NOT NULL,
    "state" VARCHAR(20) NOT NULL /* DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn */,
    "version" INT NOT NULL,
    "submitted_at" TIMESTAMP,
    "deadline" DATE,
    "claimed_by" VARCHAR(64),
    "decision_reason" TEXT NOT NULL,
    "decided_at" TIMESTAMP,
    "department_id" CHAR(36) NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "guide_id" CHAR(36) NOT NULL REFERENCES "guide_versions" ("id") ON DELETE RESTRICT,
    "item_id" CHAR(36) NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
) /* 办件 (网上预审) — a resident's application for an item, pinned to one guide version. */;
CREATE INDEX IF NOT EXISTS "idx_prereview_a_state_58c14c" ON "prereview_applications" ("state");
CREATE INDEX IF NOT EXISTS "idx_prereview_a_deadlin_f96c4c" ON "prereview_applications" ("deadline");
        CREATE TABLE IF NOT EXISTS "prereview_materials" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "material_index" INT NOT NULL,
    "material_name" VARCHAR(128) NOT NULL,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "original_filename" VARCHAR(255) NOT NULL,
    "status" VARCHAR(20) NOT NULL /* UPLOADED: uploaded\nNEEDS_CORRECTION: needs_correction */,
    "reused_from_id" CHAR(36),
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_prereview_m_applica_aa6086" UNIQUE ("application_id", "material_index")
) /* 申请材料 — one uploaded (or reused) file for one required material of the guide. */;
        CREATE TABLE IF NOT EXISTS "prereview_transitions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "actor_id" VARCHAR(64) NOT NULL,
    "actor_role" VARCHAR(16) NOT NULL,
    "from_state" VARCHAR(20) NOT NULL,
    "to_state" VARCHAR(20) NOT NULL,
    "reason" TEXT NOT NULL,
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
) /* 状态变更 — who moved an application from one state to another, when (created_at) and why. */;
        CREATE TABLE IF NOT EXISTS "prereview_comments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "material_index" INT,
    "field_name" VARCHAR(48),
    "message" VARCHAR(500) NOT NULL,
    "resolved" INT NOT NULL,
    "application_id" CHAR(36) NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
) /* 审查意见 — a reviewer's remark on one material or one form field of an application. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "prereview_applications";
        DROP TABLE IF EXISTS "prereview_materials";
        DROP TABLE IF EXISTS "prereview_transitions";
        DROP TABLE IF EXISTS "prereview_comments";"""


MODELS_STATE = (
    "eJztfet34ji277+ilS9dtRZTAyQ8kr73rkUSqorphNRJqO6eM8x1hC3AE2PTfiSVmdP/+9"
    "GWH/ghOzbhYYy+VAVLW7Z/W5b2W/85WRgK0axPV1gjuoLNu2dimqpCTi7Qf050vIA/UvvU"
    "0AleLlc94IKNJxojkr3ekuF1Z814Ytkmlm3aY4o1i9BLtEU21aWtGjrQjZ12i7TGTuu02x"
    "47Xbl+Clc6Z2jsNOuNM4SRZtCxkawZlmMSZJiI/KBjImNJdFWfIQW/1tCUXjZ0guZY06DL"
    "B/YHWSzt14/InhOkqPRBVNn+BE+lGDL80mf7egBHV/9wiGQbM0LbTPoY//jHCVCwp8OvJ/"
    "/8J/1D1RXyg+JIW+Hn8kmaqkRTIrxSFSBh1yX7dcmuff8+uP7MesJoE0k2NGehr3ovX+25"
    "oQfdHUdVPgENtM2ITkxsEyXEMd3RNI/N/iX3BegF23RI8KjK6oJCptjRgO8n/2fq6DKwG9"
    "HZ80lVrE86eZFU5f95jxfqKknDu5H00B9J0kliqsBjxJjnXZINHaaZqtsA1n/+dMddgcKu"
    "nsANrr727j+ctj8yGAzLnpmskUF28icjxDZ2SRnwK6RlkwAuEraTiF/TFltdED7qUcoY+o"
    "pH+sn/Yx0u+BdWbFh9bT64PnxbAPyEvqByp2uvHv8zGDAa3PYfRr3bb3C7hWX9oTH8eqM+"
    "tDTZ1dfY1Q8uvwy6kLhrTTAI+m0w+orgJ/rvu2E/ztWg3+i/T+CZsGMbkm68SFgJTVX/qo"
    "8a7bniurNU1uR6lFJwvSxc9zEKsd17+hXXYQnmspvPaq97Fo83w9/E4rpF9mawE1jEVsvQ"
    "PmRJL4b5RAeUuOBdGoZGsJ6yLSWIY1BOKPUBfiEZEF7e3d1EPobLwSg63Yffby/79x8a7C"
    "ugnVSbXR4MRzHo6Wdo0edKQH41xyYf7xVFDGf68NuC+WRbu/3JAv+QqOw5s+f0Z6PZzUD9"
    "1949kwBor9jiMvSamm5bFGGQzKRiklaI5B3ilve9H8B8fkOwAvl1+sSVq3yxN4rsZ8Mk6k"
    "z/hbwyfAf0ObAuEw6enrby1RvmIBFdXV09oolfAnk/PJ3oq9MXJu5qcNV7uOpd08UYAJ5g"
    "+ekFm4oUQRpajKYRuxL0TTYtmov4FazjGQMH3gKe2QP9miyxaS8Ie+6EAhlqrWWpjkrQL7"
    "fOeF4nXfpvi3RXapqvYaEZqKA6jIdWQ1MlDNvIeNEtZBHzWZUJoivqwuIphBsenaPtCfVu"
    "H6tQTah3RyToC/XuGLmeR72TDdeamVde9vtvRlp+e03dJlcj0vJpM4ewfNpMlZWhKSoqs/"
    "8LQOv3350isjNwt6KKLClKhQAOCCqn6m1+8lqGaUuGqRAzifBAt/kAR4liKKuu7LsNlOvb"
    "AnkGT/CXZuOsc9Y9bZ91aRf2lMGVTgburnkioe6lqych9G08nUqmobmuo5j9yCP+/Ms90T"
    "B7pyTant7xAAPd03Gqow9GbW2gWbwTIldJGdCRDnCdzYUS1UY0VWY4vBOs3mqkKoG1TcMA"
    "s8ZwTAK+lSbdGACWjgKu49Pp2Gk1cYP+3akr/t+t82aHeXRbvgIfdsEGTlqM6AVC7L/aVH"
    "N3r75QBZ0gKmqqCtgjEKa/QKMnCt9zvMP7j/Wx/vj4QqeR8WI9PiLVAt80HRMZU/SfMZ2D"
    "iwkxx/Qxxwx29y+KtEGZDkYKaWYaztIan/z5M3p89NzX0txwTHe4sU5HCRniaU9wTI9P6u"
    "cX9bo7XKPD/qTM//Tp0z/hioVtx6S9WWe4+CdSdXRJ1H+Bc5xpQcIIIowgQh0WRhDBdWEE"
    "EUYQYQRJoLuOP5ahxAW5TyWhhNcw6Z31B9ihYcQV9wrKBCfXg4fR/eBqdBFIkGOdXun36Z"
    "XQiEU5087DmPgCFeJLO84WuvbQ5YmjbKXP/BBJ5exTzVYrB8K0VyrErE3Y/3a2bnu6VRLe"
    "vz3cDfnwhkji4g9oev/DFLQt2aFCWsfEUTVb1a1PcLt9KB2AUETw8XH+cNv7Pc6Cq5u7y7"
    "hEAwNcxvgRUVGLcCVBWArewF0PmjdrmXX5iQHrW+N4aQkVNPIKa3h+O69v4Hq/ndcf6QDl"
    "7lxgPamG9fROmH6BMa4J+A+qChN9UofQPo5uE97OUwSu/4KxrtyhqoqXpRnv/fge6BBVhk"
    "ciP2Sy3IA3CoDq+2NVGjGbLJYUjXdvgHSskTdUlfB6p//uTX/yLdZfRwb8mzME+51O5b2a"
    "BDMCsdnbSTFHZuxdTZiFRJHCFioXUsNk3Hgir2xeu2QSg9wL6A445vUJxXrbc9NwZvM4pR"
    "QMzw0Gp9elMPjBbEl11/Z/0M1Jx9oAnI6qDY+RcN0m+tSy3LjE6y2pbnc1fz5w67zR9mOw"
    "uwRPxs4ZmSq+IxWSbDVjpurIG/kVfcC6m4yr1BBGdD4Z3p++E/IbtixkOZN/Edn+CN5S2o"
    "viyfPo7vbm3DzgpWk8q144kUcn8oGFr/SAtqwD9ZoJX+kxcj2PrzS8JK/jbwrTl9nJd/Jb"
    "n66II+l2MBx8u7/7ct+7vUAvRJ5jW1qoukrfY2bixVj3+t31gmYDB1e/Dwd3w6CBbYlj/b"
    "I/+Ntg+EX61nt4uEATd3OUlth1/uzf9u/vtFwOp0T+rkjKzNQyeW7pjs9NpM3wEAYUlXNg"
    "tc9yANw+S8UXmmKTmFDZwpaILichHlGRPGUeR6jWgrmchmPu1tP/fZTtDAl2npu74Re/e9"
    "xD8md8f5iqGscvm+6iCpG8yzm13gSvoncqIqZRDatgxn6IZJMKUXm/hPVT9gGqJLSFU/a/"
    "W5WyiNdiOfuhCVWmnH2GOse+43Mj3aYDL5TfiiOftcZOW240xk6n1ezSv5unnVU+vR/izu"
    "qpgW9kaaoWQfSZdftntKR3MnSsIfelWBg83Z/M1yWdJgjbQM6t5bar24pw9pIsUzVhojki"
    "ZV2YaI6R63lMNIpqLTX8KhWNvY7TCS3zTS2TTiIN/qb3eCac2k0D3X7bJJYcpLSp0ydDOm"
    "Up1Vi/7D0Mri5QY6z/2r8ffB70ry9QkwVjU1XxAp3mNGW5GdanzU47SK6GH1l51Q+3vZsb"
    "bu031zVZVOdPEAq1v7jaryqSm3RZFP0EoUD/PeizFy6y6HNIN8KBEmU1bX7ZZ5kERWd6hE"
    "jM8jVMiwzAwjM8RrYl5Ks0vVVLwlTnfeZIj28Vr13R7bBurY/9QdWtXSuDIBpCtH4gIC+C"
    "6cAUOBERv2mw6HvSb9d89+S6dsfJM6nKuaNlw6QbNkQf2sZSld+J1JANNYKRPhuaRtX5ik"
    "4tA0tT9oLvBOyu5+KUy1tyiJPLcibB4NLMxO9etx5CA36B8ao6xUSRqz0WuWKZdbcE9MgT"
    "jkMt3FzL8qu5qX4L1jO/f02BQ4vOpi0ZQpQnmF45a4XqVbNBEZZZEpNbnlozZhbUZnpR7T"
    "ntAbFXL4apIKwryGBDYw2N7kbfuI61bd9PeNSER034VoRHTXC9JB41CPco6k0L01SuUNTm"
    "bU6H57Q8YLB9+UOaY2teyJYaJ6wg3FspVmQb9lJaLyaZQyq8B2v4yIRRu6RG7R1Xdinb6r"
    "M/hZ0Blqau+2i+pawH3HtbVe8h6Izm9AnR5DXQlF11v4Ys2VgSBdkGnDG1Ok+K6sh/ZRWi"
    "WVXoDzpRQSlG/xfNNGOCtY9JFX2L9+GmKbPhodX0MFMix32xY91E2rLQ4A9nTTpQXU5o8M"
    "fI9TwavL8yr5Oy7NOWWdc5ubrp3/9ygSiy5tNYv+//Ouj/1r+/QCZ5VskLMcf6197NjXTb"
    "G/a+wHVWWsUVD2hb7/p2MLxAWFmoenw7zaMzbb6C7moLLZi8liAUh86KI3y3h6YrBBeDM0"
    "wjEiyzEywD2fqdGZYxF+RhQvtmomV4ZvEzLflr7AYAjh5xfJBLwZvwJvaWtzEWZ3of7pne"
    "92RK16n5yHgi+gnHThJpr2WZSky3p2RD15zWkjsdTr9idIjRuRXT3KJrFrEsUMA/TPFC1V"
    "4//owMKrcj1bbQw9feX5qtNhyKZdl0nnGO69rs0CJcoSTbaE0YO45I7RXGjmPkeh5jh7tw"
    "F1RKIkTb1Ur2UM32vVqeW99MeqIvwTcjpWh6Mboym5DWdJdv3vTjg1ZQqY5QiQkcjz+gUl"
    "7hcI8olYhiejOwhvxYqpQJa+y3UcoK7reHu78mxSrTsNcUq6KUG2BzOTX+anCZPNP1by0u"
    "RygFl8vG5QJhStu0L9059sT40X8mzDCWMC+Fm2tZ1iWDdZTIs5/mmidr5rzbbY+dVkeZQh"
    "ZL1y3v3w6yWHTEhoMoGS8vFH1YOta8hjSizIj5EZEf9A7aKzJ0mfyMXkzVtokOSS5wwLs8"
    "x/qM/GTRmYt1CzMDCi+XZk9PIUxWpZFRhcnqeIwXwmR1jFzPY7Jiy7zLrATX0/XTKNW2jC"
    "tVUlDxjDJtRuEoWns+RiewzpNl86oZmANzRin0FYkohR5ZujZRCn3pTCh+87U2lzjtTpS6"
    "ktgZS76ZlEqnu2F6SV+3Te7RceHmWpZO5+o3Et3fzCIHxk1acFrbRG7Av5M6vTJttSJnth"
    "E8vXCVI6wbuipjDcG3gkwiQ0UCFgigEFmFGIAamhuaAke3qVACXFcQ2IKJxSICuKURdn1/"
    "ocgJRU6I9EKRE1wviSJnkT+S7L5UZwM99cilPzhcXrPk9X6di24x6/Nm8/S006yftruts0"
    "6n1a0Hpa2TTVmFri8HXyCrNsJJXt1r2DcLq84xsurpc2f1HPrcWT1Vn4OmxIltfl2w4ie3"
    "xShFFdo31WeQFJMgp9dJ8PtXIsZmF9URSqUxfaU74kmqwsRa8+hLc79jDmWpqzTbY6fdac"
    "pw2PXpma+mgHJiUeZoBJnGC3igzFcQwAnVPzRDfrJqyDIQ3bccossEueXTLaqaPNMfBprh"
    "pQVnKimO+9ETi6cp7e7mY32sDw3Ib0d9Vuz3Aqk2KFJMH5uqdHajJ/LKxqWzUHZME1xuU9"
    "W0bO/OFnIFcSD0S9hpdK6O9cfHwfChfz9Cnz59QlSLu7obfr4ZXI3Q9R2i38HXwfDL4yPT"
    "3OiL6WhBiE1v674lZTR7R3itbShzDwusaalyB3cdPmCxY/0zNNIVN9skRLLUf/NqpmSIdB"
    "Gy3Z1lUgnRrlSL8pD+SF+UWWueRVmnLTlNWLfEfKJLH10fm93m2OnUJ+fhlRHMP2AigpVL"
    "NhZLSBRCljOBGXeB2Pk5qM7OqgNpwLMW1byGJ2QtsW6h5v9/guZn3sK84/tz1mZ3xf0Ly7"
    "mhq6OFqO5F1TOLsFomH9hQNQSQumcafPyZrsZghHFXWaoQWzZeLK2x/mI4moIWBn0ae07v"
    "oBgO5Yu3w/ybwHvA3xo2Z5QGMa4FF41Zer2T4Jyi1VO8r75J1mKSd532ltyyL9M70Q7TV/"
    "SUc6qyt8o9nEtV5v0yXApeST2QJGtOR+mqhOqOjR/8gPZLVcfmKx/6lGD2yavtblEHBnsW"
    "gp5XNNATqZp4ORj27v/OVxQvOV7Uy7+P+r3ySCUP6kwnyohutmnqYqxHHunEYiRMc8ztZ+"
    "tMOgTKftcVqsN14YTduA5HN9CfLHefhX3ZNGCXt5ngsDAgg5zqW+zGnkJFBQCl2Wo1zr3I"
    "RlDJeHrjDu8sfGvCtya8LMK3JrheEt9aecwxR6NJhXO+DDslgTJL3oyQCaGziNAZmfq+XU"
    "Na8EoFZ83+GKXQttb+BKhgWNDxuaKohFdu2y5PkMux7ZjcBT59jYmQiTWmyBpTEsX2ior3"
    "VG/rOYpqp8aOJjvVstRb2e0uYehfNJC00ybEDd6k/54qXapstqdnEOCJWWgnbvgq58vc8P"
    "LsqEIJZ135uXfu7WtMCX0B59+HlcbBKdq9o3sKpVYotUK9EUqt4HpJlFq6ERlmEZkyIBAi"
    "ZZ6EP9k/OaUAvvyzVqoA8GkzB8CnzVSAoSl2rpBNFhQ9pVD0bYRodzCfbEsM2PYsdoU9ju"
    "afnkoZIhGplJG9YBOplGwCFxSIVySiiHxmzXNAKols8ZLnxHxWZTLwRjtIYN8sHR2aVZHS"
    "0fT+aPj95mZftaO/0DlNfiWm5b53QpmPtNey9PgZ9JSe3a75M0Gb58QvqdM+rXdApW51wp"
    "mY6mLhuDFf3tgs91JHgOhPFmK3/RmFj1VHS0/P9glUTm3p3d16zOKPF3RKmyqF4fGxhh4f"
    "LZssLS/k+PGRaZh00KVGe9GrU0PTjBdkuV+G9VcXW0uekwX+tEx1e/8j+CS924vjvITR4J"
    "Bk4MNUH4XR4Bi5nsdo8LzaOKMsT3UDhiiq5AFsNs46Z93T9lng+AuuZPn7kr49OrwNxZSK"
    "lgiO01XQZrAFddbQFdX2xbm8CY5RqgpYDXaR5BjNKJ1hTZpgSy2Ee4xMAF8Y+CkhUvhRC4"
    "DPIRUMKMyAQEkqYkGLEJXDhgb3q4wNjamqRRgSEAhmbJwZEUtBEaYkCMvBnEpZm11bPlUG"
    "eKzJkE2jZBXYN6KCabPVyiGZ0l6poilri2HtGUMmr4WgjlAJJSCHErA3F0rZgK6OD6WkyK"
    "7tRMlx/ia3PBIvRNuj/vzLPdFwiijvgd5bjVQh0P/car0GdUpSD5JYNdYy8yFpt4KHSJyR"
    "CR47nVaDf3wDgiGRpdoOYyb6MHZoV4+ihuBXG4I9J+02+zWt1wP30bTegNEamI3WbH+EIg"
    "Y2mpmGs7R8Dw7zGHHr65ToyUTIaUm2i5rwHh2RH0F4j46R63m8R0Wj9TYbqFeiAxA3Hw3J"
    "/i8Ard9faIx50sMM05YMUyGceOn0+roRot35PuvbAnkDjs/dZX1FFVKOXnSL9deRAf/uRi"
    "Pd6+qToY+yt5Pi1Vyi72qC5kj33MCfF1VYpobJePJEXtnEd4klBryn3QZ88/rACO4hQm67"
    "PadC/GweJ5did+IqyfS6FC9I9md2OZvQ6/Fq2UTfPl1xi7xpftUNlKLzbud8pRTNjGdi6l"
    "AjJqLG+EXhFnQWyeoSa39VVOC0bPsZd3wNbNM3EIqUUKSESC0UKcF1oUjtW5TZtqwvFKkA"
    "3EazmwNd2isVXtYWjwXjFkIFgPu6s0gI47GIMH5B1G26lH2JqKA0cHL7fTi4Gnzr3VysxK"
    "uxfj14GN0PrkYXKDJuUc608zAmvkCF+NJOqriOKadM/Lf5sqI+JMZIV71R7+buS4hBkif2"
    "bopRzTzrUzN9fWom1qeFX9M7dzSZT1CO+JhKBS8BttJUwzMOR9K3jChV5aJjtrRtQCywpi"
    "5UW1LwKwfvjCraSVJhjovnISxNY6FaVB9YC+MUagFzHGYIq56SIgk0IQoBZ/IQtj8clS7Q"
    "EtX1NL7ofmkYGsE6H1wufbySGx1gWzj7mtOOC7nd3d1E9sLLQTyW/fvtZZ8u0myJpp1U1+"
    "SaZABeLg16R7AsSiwQo8hGyCXe0glte9SjtlD7xJKCc7ELzvg4qZjs+Sf70lg6GjZVmxOi"
    "m741RojEEp5YQTQVW8VUmhCJUGo2rtRYBJvyXLLJD45NOT1hLEZWAbVm18li3gmAUvEkaw"
    "6lWGjiC41Clth0hY1iXskEocgByM4BWAGWhLlwJsB1ZLDDhPfNRIDEFItEOtz3XVtkznyA"
    "eN3h9RMCuJWPD0sUT80KCC8NyVJP62MWLzBVkRmbpvW9P+XEH6nCYIn8nC3m54SMxLG4tP"
    "cF/EWydw7KR1403C/ypvFgv1X8ZDTMLx7CFw/x44UBbjLMLxkLM8car9BCYcZ/peNUnuf+"
    "S+ZlN4C7AU4HPCrA48xYzvAGwonljO0v6bGc8S0t12EN0xbLSKtjiLfsntErBIdy3ajATG"
    "UB3f7JQhPDeKLs888wtjTDRhRh90coIpN7PsOWbsMtuOgPBh3oH4ulYRNdfmW8poyIdfBD"
    "ZGVbfSbSAptPdJx4jcYojYK9gehnaDsMazjpHuLQ/inCSEUYaXkFmAMNKBRhpMfI9TxhpC"
    "Vx3pWO41v23sEOyP3KUsyPmOc5inxaBwhyBqjwaSRKdmHTttZYniKEFVydDnc1Sm5CvhhY"
    "kMUhMsHgUjN4JfGvFWQcUO/QtwgKFfHnXO4Q48u7u1/61xfIpR7rV1/7V/SCNBheIHlOZH"
    "pRUnV6vTe86t/cQFcZ3lnToPfwTnr4evcbnRGGZM0plmvsWpuPEI/qeEUEhThh9SJ88gS8"
    "poe7JoJd43p3AbA5pBWUyTaf9kNf0iESXYMmhZL842Rred3LNrU3XeE8WPDWMSrEiTewxZ"
    "cM7yrt8MEutg6rY7SC02XmdMgfkNcsGyIRETSiKOk24fQdDgUhjZEJWONmGM0oCmmIRMCZ"
    "HTYX9pK9M2juu0UOUcrPGy4X+075tXPjy+sGYD3uqsSrMMT4mrAJaL1hKoppaBnMgencC8"
    "54J6brBrIcCKYhebJwuOw7Y84yQ1J+UQ3r6ZrASnHCCUkJN9eyQlKeoCN9L3ZkJuuaIyal"
    "2yAYKibjczj+U2nDv9PO2Gl3TnE4ZGSmWjYxiYIAReTexK2nzFRuK4gqsZCqoxfVniOV/m"
    "286EimZLRBxRovWmX3DyDKk5VEtqkhEVdyPBEGIq7kGLmeJ65E1NDaZjFiQhfE4ueFxsgE"
    "1DmgNskz+G/XWL2ilMKSXZ7FSliytyD4ZRi1hCr7HlU2x0FQ29Rk/wvc21eGo9tMrUqosp"
    "H2WpYu6zrKZbdrbmU2rD92J7hBtchWp+5rkVC5WsOWjdjgyPXCo5n6THRQGbGrWYLihBT8"
    "yvIgsO7WvWYBqzztdQd35KZd+J+JF+yZDK6NJ1UIlVaotOVd9w5UuREq7TFyPY9KK2L2C8"
    "fsi+ySvWSXgHxSPJAxRiWqB8WjGIWWKLREoSXyj1MC1z3vHCXPpZ9xgBLtUUAZZG5Ech6o"
    "Y5DVDikWMByCjRW9UA4aLz+jx0c39eLxEenkmepo5IdMiGLRBhkvsazar7TpA0VcUeEOWE"
    "OudPaRrxTu7M6ZyiF3U1xluCXz7jMJWSK+UCOFGlnehfFAFQqhRh4j1/OokUIn2otOJLR3"
    "kXEvXJ/JTUhk3Fecwb7KUcASFCbZnRlom5vLhi1Bq5IAORFdEQizWhxM1ZJkzbB4eL51jM"
    "WKbodnWARXDvYQC2HI3GhKnE0WS6igWRDSGNk7YD2cyDBhHt6zeZg3bzcAK9h5R6HhDnLC"
    "volu7IuNIEyfAQ2/39zkLNAvqqdnIv/eguBvOiv6P2TiPy3Xa7HqUHvLfSERv+8ajoyxcz"
    "btTuiV80aoni8INo5JkBs9Rn7QAZFFLDhQAAr7rqLMwAuh4Ndsl8UG7yESrUqyVdaEO+GI"
    "DMvCnXCMXD8gd0LJJDrhTSidN+GJPiV/br5d99OnLbOn6+Tq5u6BlfFkRqmx3v99dN+7cA"
    "WruHiWZ9Zuvn4n88tIC1V3eErfw4LKe6kWzDhthcocnjY77cCICT+y7JcPt72bm6RJjejK"
    "msBGKQWse3delBPNDZ6Xji3eyaLpUsKKogInukbX2GYrzyJLe6WusqxNmNeFIbhcpsoSxw"
    "kHduIUy1vYjvyG4c03yK5ld2vjJuR2djrTlU3shZAn7TUczhsyhfmnaK2SOWurokT+tvOW"
    "JW6Ldy0eOAw39nSTiHwnMk2FTe9w1sQDte4Im94xcv2AbHql4/iWjXqh3bCIAh8iq1Kw3C"
    "bU970bnCqM7V4tThXGVcTLbt7m9Iw1lWqZpsGpwJ3uNYlSvdN5UjKrXjHfiYuEo9sqx/Tx"
    "FoAB2TEjKGxywiZ3wDa5aK39d4YM5qyzX87vfbehgpemgRUZW9ziBqvGWpalculYc2ni98"
    "1tquxM8RkrRtcYO+f1BqZXOqS1Mhrqhg3l0qdY14mCDMdGtoGmhqYZL8RkBdPluaM/WVCP"
    "QHZMyzAfH9ECPxHaZkNldWcBT8izV+7y1iKgsCTLe00YH4/IDCWMj8fI9TzGR/Kcdmhaus"
    "0xTLMZU+Pba+vODI2bLypuq7ZWqDp+QFBBO+7m4aW3s7lnqKUDHCKpIMTNej1PlEu9nh7l"
    "Am2x2o6OohJPncvtmwjR7DCWyC+svP1DwPPg3E2HuZtA2ZefJoWOAI9SVXBGb+FMDRvbDk"
    "exzhegvKLe4bQ2HV0HyIohfnL/fTgcDL9cII9+rF9TSeICKYZO4srgfuKUXZ2x0IQPKCoX"
    "orgF8cOwMcdcl+reCPqL2hVxx4ZrApEMhyNtpOIZJRKgjnjG5f3EJ14TTX0m5usJx9wXtN"
    "XetPYpblc1f2BiW+l26b/19pT+2zxvMcNbEw6gmNTHTmvaaoXrjjJ9C4xu8MMksrqkYpV9"
    "geQ5TC3KImxDaKRt1dDCmqlKDbkbVA0R0zRMns1v9w/ADVcMa5LBuCIeUZgED0lUPUzjkD"
    "AJHiPXD8ckmORvlWyCLl4MosIo+1RC0c91oqMvVRTAOUJUQZg3b7gylkQvtmKsKKpXgWAL"
    "Rm5X0i5kJFmRVA/hzVuhMsv6ZfhqMsv6VQHpZjcP1M1uOtbQdljm16QeR1crZQ3r67f+8J"
    "pZXz36sf7gX7H8K/f90f3fXRMtsc1Xv9eIdbHH+nX/ZvBr/x6KTXiWBqg38bk3uIFLU6xq"
    "8Pv70OvXu7zpXyBH9/rCS8MYvWvppj8a9e9hFKxQBtveGZ77//Z880EBq1qYRNjU4oZKZo"
    "VJonmpzlIBDUi2VEVhp9K7C+d5s3l62mnWT9vd1lmn0+rWA1yTTVkAXw6+AMaR+cxJ0QBb"
    "VyFx3ieo3q7RbLVyVVpoZVRaaOX29P/t4W5Y1NOvqLKN/gdpqrW11SJk/Js4qmaruvUJbr"
    "sP2x9AFLE/+Eh/uO39HmfC1c3dZdywAANcxhiyxLNC+qvfX8z3XPPdJOzU6SLbYphEbIvx"
    "FdqxiFkwLSREIkp2Z2aFAFJJZAtnhXz3hjlIRN9MCglNp8L1pLfpCR2yGP+RsVTlzyyy/4"
    "TjEk12qr3pG7Wht+RmC+Sv29LonI6dtky6Y6fT7p6NnTMCFY3Pu51z8Fc22lDduNmBrIVu"
    "KFOBzlVVAVeldz8EJY7NZ8heYPVUDNMtsmIbaEZsVlLFTW6wuHVc9vMUXEep/3ExOIWDVD"
    "hID8n2fJiuMuEgPUau53GQuotwAb0nIBC+pBy+pL1J6WUDugJiekkhXVtO33NBxbveZy/v"
    "liefh1rfFswNLAU5vPnl8rYMp4s0On6Vw7CM3K3XV1Kwju56yPXxInuOV8LwByr+ejdWPt"
    "ImgrAsG45u/4wAdPQyJzp6oiuvzpfJd/4EImW5JIuaEL+PSRAT4vcxcj2P+L3zWKM11tUD"
    "DjWynAk814QUPaE1Sri1I1oTWPsXDvaA1hVw65y+HifewGJWTuP6Aa5dnC1Lfxe3OeSC36"
    "Xmt3A5VsWWUU5ED9bl+OAuZOy9v5hY5xZdS3aqvWnZsEI00gyIchs4uhPcHDvn7XorliJ5"
    "yv7unJ365oW58YLoq72ihaqrf1maBr3RAgWLM1oQy6LvDc4/ZlTAMhwaS5TggAc/cJhn5d"
    "jXY2S7HkORzsIBKSwgQhcWFhDB9f04IPeXq1I6Lm8/WcUkC3o7L/kjdxxmiEYEYpYmELNs"
    "07cCalFJIT1UF29vudRUGXtvnVCIws3ZqpBJTPKsUlEWr0jye3qb5wTiHadt9AEqRLca8K"
    "uOIfoRIiFbE9z4mAx5/MlCobsxJQPrLOqxhpYqqx/tVZGZ0Y+WoGdiWrQj19O7+ycQnt6S"
    "rG1CzzkmiVfoOcfI9Tx6Dl29FxKsBEmmp6f8RYhE0l+E1ZtI+oPs+5Ssv3yp+1stXpPc9x"
    "QTT+2C4J9c3/c+jy4Qox3rD98vbwejEaTbW85kodo2ZNwPhtJ9/9dB/7cLpOqSK2yN9WG/"
    "f/0gXd3d3/evRoO7IWUbIYpFMTBNwubFWP/We3iAwZbYsmCk+/7faGe4YpJ/0U5wDT4u+h"
    "S/0QHg/F/6JC96XEzKlZmYrxh0Ri3ouD7siUwFtOEQxe504ca21tsN68LBjFrP+R+hFb7g"
    "8uxmSSEG6m5oqs5ZPNMPdQvTbP1Et12GMWUwlnOgm6xh+qaFC6NHqKqXdb754C+FyCos1X"
    "Q7wxZvjR+RHymLPIe0AtW5s9af/u+jbOkqWH5u7oZf/O5xkSvJAGWtvSBKKXaCcu8ES2y6"
    "h3YXsxwlCIUtPPYBMbNeQVTDNALQGKBgOy2IZ4hEwJnwJrqG6oKQxsgErNkuMB8u4QZ7yw"
    "0Wm1gRV9g93ejuB1ejk8SCsAFcH9yaGANvtIrCG1oKc0DLNqINYPsFxvl1ZXWpKLjhfTsH"
    "uivhaQMQX0cGqyjACXEzBeV0V3nIgU3hMVWsvfM465AD/NYbsUIMiIZ5mVi31MBvvxHMRs"
    "GYVUVNNhYwYd8J2T0z51+5Y1UJqh3FrgTfZnYMS/gTzhPLEllEcp2r3jo9hYB6KBXQ7rTq"
    "9N/W+Xn4cCNnqRlYIQqrC2ASx4KqAFNVI0GMPBRVVE3aw787MqasbgDbf7hHqu/mrtx4fR"
    "yNEPKpJTYRReS+iGg5oFXsQGMbRETLMXI9T0RLbDVOcD69PHuCcHee9G2yetOF732Y2IUE"
    "vOmuwgShyI7Ie5QH7Tgj0hMp5JqNkQm0c6I9x81WuxDQAUUFMd5C9RP135x1I3VZ9ruLxZ"
    "izGHuHL7ioFJiycToxcXNMXMNUZ6pONzBQIovuflziCsK+lWMayn6YFSdaxrc+FFSUT75/"
    "u7nrXUOgqj9CnoDXuIFkP2GrrpFFmppGUXd2klLUZYkd4LWyORXENkkpXNvZru2Yfe+dbq"
    "xYPuFhAvymHys5y0qa8hlyz2QbzqN+nDym85g3KZfxvDlpQ+2ZegOq7SpQe6Y9PfPN2C9z"
    "Ay2MZ6JAhmUk6ZIulMyEzbI9IN8S6wYYqGtubd0PK7vlR9qk0KuvXCv6jm8v8j9LsvrVhL"
    "X8iOymwlp+jFzPYy2n25PBrxOSrsqGaSqowW7ecOACZhpaIYtBlKqCQG/+lGOmP2Zkz6ak"
    "M0eoKgj05jV9uqAUhjlMI0DOZU4pmiAm8sLekRcmLCzCwiIsLOtaWKLRnBzLSiLcM49FJR"
    "xpmquo1gQ3IB6QQFnfRn06drrnciNcwwqGJeZPFoL6geYToso6GDJWEYBuaCCUOEHs1SEm"
    "MGr+4NbS2tmNhQmlJMtbTZhQjkiZFiaUY+R6HhOKv7QXtKLEyCqoEW3ekLLv2M6SeZY3HU"
    "3k9ioa2RKlql4JmLM8QYZn6TGGZ4kQQ+/IiCIgh0gquFK06nmMJ7RXKsisLVEGwNCeSdEz"
    "1sJkWzthLYl1cOVgz1gT9hNhPxH2k7UjVKh8Is9PeCEpbksty2KCV33espKk47phy0KqMM"
    "b9xDkCmMfE91kUSi9+pRsRUquAposJ6WVAqyAmbCW2GD6qAgh73SuIbiOXENbIEMIaSSHM"
    "SzRIIpxeXTpEsvva0vsRBDZWRTohMuxyM/vzfwHryo6e"
)
