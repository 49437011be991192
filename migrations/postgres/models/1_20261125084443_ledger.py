from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "seq" BIGINT NOT NULL UNIQUE,
    "record_type" VARCHAR(40) NOT NULL,
    "application_id" VARCHAR(64),
    "leaf" TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_record__ded44c" ON "ledger_entries" ("record_type");
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_applica_830d3d" ON "ledger_entries" ("application_id");
COMMENT ON TABLE "ledger_entries" IS '存证记录 — one leaf: the canonical JSON record of a decision, holding ids and hashes only.';
        CREATE TABLE IF NOT EXISTS "ledger_head" (
    "id" SMALLINT NOT NULL PRIMARY KEY,
    "tree_size" BIGINT NOT NULL
);
COMMENT ON TABLE "ledger_head" IS '账本头 — the single row every append locks, so sequence numbers have no gaps or duplicates.';
        CREATE TABLE IF NOT EXISTS "ledger_nodes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "level" SMALLINT NOT NULL,
    "node_index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "uid_ledger_node_level_e628ca" UNIQUE ("level", "node_index")
);
COMMENT ON TABLE "ledger_nodes" IS 'Merkle 节点 — the hash of one complete subtree: level 0 are leaf hashes, level k spans 2^k leaves.';
        CREATE TABLE IF NOT EXISTS "ledger_signed_heads" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "tree_size" BIGINT NOT NULL UNIQUE,
    "root_hash" BYTEA NOT NULL,
    "timestamp_ms" BIGINT NOT NULL,
    "key_id" VARCHAR(64) NOT NULL,
    "signature" BYTEA NOT NULL
);
COMMENT ON TABLE "ledger_signed_heads" IS '签名树头 — the log''s size and root at one moment, signed with an Ed25519 ledger key.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ledger_head";
        DROP TABLE IF EXISTS "ledger_entries";
        DROP TABLE IF EXISTS "ledger_nodes";
        DROP TABLE IF EXISTS "ledger_signed_heads";"""


MODELS_STATE = (
    "eJztXWt34jgS/Ss6fJnkHCaTkPDo9O6eA2m6w0wCfQg9T2bdwhbgiZFoW06amc1/35Jsg5"
    "+A6UAM8ZcEJJVk3xKluqXXP4UJ04hhnbwjU2zyCaG8cIn+KVA8IfAhJreICng6XeSJBI4H"
    "hiyuzcvJdDywuIlVUeUQGxYpihKWaupTrjMqBPr2m1NSg79lUkN9u3R6doEw0nSQ01WORu"
    "yBmFTUhxZVIz7GHLFHaiGLmA+6SpDOycQ6EU1qTBWydLSV2m2qf7GJwtmI8DExoY0//oRk"
    "nWrkK7G8r9N7ZagTQwsgqWuiApmu8NlUpn361Hr3XpYUTz5QVGbYE7ooPZ3xMaPz4ratay"
    "dCRuSNCCUm5kTzgUttw3BV4SU5TwwJ3LTJ/FG1RYJGhtg2hIoK/xraVBWaQaDhE12zTih5"
    "VHTtP+7j+YoqSrvTU+6aPUUpRLQqHiOkCjdJZVT0CF30DwDnyal3AYpMLYgGrq7r3aPzyr"
    "GEgVl8ZMpMCVnhSQpijh1RCfwCadUkAhcF8yji7yCH6xMSj3pQMoS+5oqeeB820YKXsFDD"
    "4ofhgevBtwXAC/CCWocaM1f/SxTQa90273r124+iuYllfTEkfvVeU+SUZOoslHrk6IvBb9"
    "6xB/NK0C+t3jUSX9HvnXYzrNV5ud7vBfFM2OZMoexRwZqvq3qpHmpQcqF1e6ptqPWgZK71"
    "rGjdw8indvfpfb91GIOi+r4aYzPhF+6WD2kZ0NqOTd2mVif4q2IQOuJj+HpeWqLVn+tdx5"
    "6WQppquzklmfUUgFb+TwGtV/55oH3pn0wA3LNSbQ10oVQivDLv6Ul4B8N736glEgZYvX/E"
    "pqYEchaKsDgeDhWTGcSK6qPhCr//qUsMLF8zqgPXi7sTFXWhnjUU4vbkrOjjyettXqpnDA"
    "SArMSSII1mTUqTcAqmeCRfSbQtWnLxusaGEecNy/SlfvAYSqztAVfK58O+XS7hM/hcPdW8"
    "z+U3pSr8Pa+VPd8VfM6F9yraQMwEhxYSCOE/cHBandRH8E0JAiura8IVRxi+CWeWaHE+8s"
    "7bz73o3IvO/anci861nnvRuRede9G5F33IXnTzKycmxUZL+II6n8V51JEyS71r4pZWdKe4"
    "Ttb2tctvzipeVLhG8KBvX5Ch5vm3jBJksJFOkVvzDB1hitiUUF0rgqcLimTuxwbR/wKs0U"
    "dsWciyB38RlR8jNhSlwNeNc7R323iMl/1HYWqyB6heGhNXrvBn7nznzvf+jCn76Yblzvdr"
    "1Po6zrffJEe9xCa1J1LnLcADU5VEdO+Xz7LXWPilCRaxp9y22q2P3c6Hbv32Ej0SdYy5Mt"
    "GpDu8xMvGkT91ynfo8m+F56qd2q9OeZ8ghsU8bzdaPrfYH5WP97u4SDZzBUZnC4BgehV+G"
    "BHgjbQoe4BPJslJfmgr4UYYRX4lzUZJBXkjsDuPCtjyRIMKVizUArlwk4iuyQp2YgG/BFU"
    "LVKMQ9cMkT+nFAaiOYs0miYoee5q+9wKjj4Xl0W//1ODDy3HTaH7ziPvyvbjqNEO5gF4e6"
    "ERNE+PGu044H3ScS9gVE5P5/yNAtvrUOvvDBB7ZucJ1aJ6LZl3DBBUTLFRLGPjS+iwrCCh"
    "EMK9bQJHMhn8hzEqLs/hJWcJ9IBCeIbhTa98wk+oj+RGYRZyg+SvPJrWY/IY1EaCDZxI9z"
    "Tu7vUPDu8MaEO2Nd/e6q/q5ZeEoOiW0z1iNRj4nveNpIjumIF1o/iqNelPt2RT0769vVcq"
    "kGn0vn1cUKP2/mUUxPwj9iTk3dIgiemfK3aAotMYoN5LyUnJ2E8cmcTaGbIMyFOI+N3+yo"
    "2Xx+NCNmqpiHaF4RWc9DNK9R6+uEaDTdmhp4pqSdzAvL5SxzJcuETmSIz9DGAzGiYLcoXx"
    "0Si1YSQl6nW6M/p+mAL7Shy4JUnzbqd62rS3TWpz83u633rea7S1Tq07teF6jiJTpfM5Q1"
    "Eg/6/XmpWqlBrnwP8aW6RFF3t/Wbm1a7F6MK2XXTcv6IYE7709N+XVOgnw/AzU+JfkQwR/"
    "9b0JcvnMbox4g+iwYytEzm+c3+FPBJbWcCQnkv3yC0KAFM3cNDYltC/pC6t24pGDjvQ4z3"
    "2GDMIJgm2BK/XAjnAQhuy4nxsN9tH290OjeBPt5ohTvxp9tGs3t0JqGHQroT9XJ8l42WhQ"
    "WXEG2+KixuBdOeEbgXWR0mV9PdEjFeFmICh/7s4rL4obO8byJLrh9H1Ei5b18My6pYijXA"
    "kHJR9u0UlpUirKrM9jYGG2xkIZ2iR52PoYSYY35kpoYw1RCTVWMD9Tq9j7EBxG23l0cO88"
    "hhHkPKI4e51jMSORTTWmmjhn6Zg9th8fy+9f4FZ/cYbM//UMbYGqfijGHBA4S7VC6vgTeU"
    "SgRc5gUR54xPlc3WXsWI5lGSDWKBOXnPKHnf8W6urFmflyPsErAkuu6huYqsz7W3mqrXkS"
    "iMxvCEaDCbM2WH7heRpbIp0RBn4nSvxUlewJF/kAcUyEMJjijRBSlG/0Yjgw2wcRyl6Fts"
    "J3Y7lqxe5JouZlrgoDVRX749K2fwe2ST9pTL5Qz+NWp9HQbvWeZNtmZ5slnmOoWrm2b3p0"
    "sEyJr3fdpt/txq/tLsXiKTPOjkkZh9el2/uVFu6+36B5EuBiXFcQ8gr/7uttW+RFib6DQ8"
    "nK61E6iyzkagsP59+4AqkXjAfAhNuUg/IvgNg+P+UKaVw+ACWan5dJj6RHI0Q/uppBOcDk"
    "6/TL6RZPlGkrlv/Y07SUJTkPsJ7coNJf6eFb+jJN7GPgPAwcOl99IUrIQ3MrasxnjsnjL4"
    "jeh6hxUeJq6+8SVL+6C6ZAh2atxj94QWYuIkgfzislCJ6ZRUuCi6ZrSkQ8Xhi1IOSTnnZB"
    "jncBmLWJYg4EdDPNGN2fFbxMBvRzq30N11/ftSuYJ0C1kc+lnMaZHPW3W+XCEjw2gxD3a8"
    "ItqbBzteo9bXCXY4hjslKQkIbZeV7HLdwjOxPOccF+UeXiI+jJTA9EJyWQ4hbThd/vyhHw"
    "+0lKQ6IJV34PD6A/DyUi/3CErlq5hWLqwhX6c6KGGD8TYoeYDj7f6Or1G3ymR8Q7cqKPkM"
    "as4m4z8MLZMHsH8baTkgmWs5a1pOsUxpm/Gljs0H7GvzIeG6Pn92cVl0icmCCnlIdWNfrV"
    "bp2+WqNhS7WGrOMcaV+S4WimR1YpUMtKc/EBMdTW1rXEQG0UbEPEbkK7RgzBCjKnmLHk2d"
    "c0LFJhdxv4g6xnREvrOg52JqYRlAib3Z72WeIg9ZZcZHzUNWryd4kYesXqPW1wlZSTPvKC"
    "ui9WR+GpTaVnDlkAgqHoHSRgBH2jN2Q3I51uvsspkZDMfAvOTI14VIfuRrwHQ9x5GvU3sA"
    "+I03GlzCsjshdRmJM2Z8MMkUp7uRvKRJuRl7RY4/u7iM0zn8RoHxzUxzMc6gLG6lGahn4u"
    "/gFFKG5XLgbhqCh5cOOcKUUV3FBhK/FWQSVZxIIBcCaETVxRqAIhozQxNX1OjiqFOqIREL"
    "JpZcERB7NMKu28+JXE7kcpc+J3K51jNC5CzyJaruhj5q0cSrJb7EaHnDoz1fdnLRObTzTa"
    "l0fl4tnZ5XauWLarVcO50f4RnNWnagZ6P1QeyqDWgy7nxPMW6mps4hscPjcxena/C5i9NE"
    "PieyIjfTGOCviMdKf0NNSDI/bW8lfRaeYhTk5HMSvPIHscZmF6cjZIoxXcOIWEgkTDJ3Hb"
    "409gquQZZqWqnStyvVkiou9Ty/8GiKICcWKMcgyGSPYgbKnAkHnAD/MJh6bxWRxRCMWzah"
    "KkHOMbEWUJMH+MLQCE8tcXeEZjs/emLFMaXdNd6nfdpmYn87aspDDS+RzgWRknxsqEPvRv"
    "dkJuuFXqjapimm3Ia6aXG3ZQs5jrgQ9I6wM6Cv9unnz632XbPbQycnJwhY3FWn/f6mddVD"
    "7zoIfgfXrfaHz58lc4MXo2hCCIdmnbcERct3FK+1DTJ3N8GGkeh3xNrhPXY7Nj8rPJm4cZ"
    "MQxdL/jjszZYlLFxDb3ZntB+HaZcoot8UN8YlGue3eH7/SKFPIWTOEdUvMezB9YB9LtVLf"
    "rp4O3vgtowj/iBCRsFwqm0zFRiFxc7LocZdI3hOATuWdPMIbcKNFRTfjHllTTC1U+u+9yH"
    "6IM8w7bj/GNjsW93u55waso4WAewE9s4g8y+RIVlVEAlLn7Objt2CNRRDGsbJAiC2OJ1Or"
    "Tx+ZbWhowuBp+Bha0JgNenFHmL+JeA/x2cDmCGSQ1No8kY2SzzuZ38eweIpvO99kmTFZ10"
    "67JjfrZnon7DDZoifcx7F8qHyB+zeyPF4u0PT1/1R9Oih3SKjuOPgRv6C9oVNszuKhT1jM"
    "PphxZ4jaM9iXIejOis55ItDERqtd7/4WTxQbMbOojd96zXp2vJI7fUSJ1oPBNokuhkqs45"
    "1YUkQyx7Xn2aqDKhHHfp9qwOFq4ibBMIeDAfQ7yxlnxbhsMjHKc+k4TJjYQQ58SzbsEipw"
    "ALRSuXz2xl3ZKChZHG/cYcv53Fo+t5bPsuRza7nWMzK3lp1wzKthUv49X4wnbKBc5m8GxH"
    "KnM43TGej6XlxDmcQdFbys94ckc7a18U8AHMOUE58LiYOYldv2lKfwyzG3zVgDn2xjAmK5"
    "jUljYzJCbOvE1NVxIYbQujnFZUQWL8qs4q7J+D8z23st8dzS2UX1onZeuZhb3nnKMoO7Ol"
    "L7QEzLPfN+XWvrEzlAc7uVeznEjyoFwm7xA0T37HSd9VJQKvkgl9PIiilokceeLpm8A8Yn"
    "svsdMC8znj3bXpcXHcye/g8mxAjw"
)
