from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "prereview_applications" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "form_data" JSONB NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "version" INT NOT NULL,
    "submitted_at" TIMESTAMPTZ,
    "deadline" DATE,
    "claimed_by" VARCHAR(64),
    "decision_reason" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "department_id" UUID NOT NULL REFERENCES "departments" ("id") ON DELETE RESTRICT,
    "guide_id" UUID NOT NULL REFERENCES "guide_versions" ("id") ON DELETE RESTRICT,
    "item_id" UUID NOT NULL REFERENCES "service_items" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_prereview_a_state_58c14c" ON "prereview_applications" ("state");
CREATE INDEX IF NOT EXISTS "idx_prereview_a_deadlin_f96c4c" ON "prereview_applications" ("deadline");
COMMENT ON COLUMN "prereview_applications"."state" IS 'DRAFT: draft\nSUBMITTED: submitted\nIN_REVIEW: in_review\nNEEDS_CORRECTION: needs_correction\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn';
COMMENT ON TABLE "prereview_applications" IS '办件 (网上预审) — a resident''s application for an item, pinned to one guide version.';
        CREATE TABLE IF NOT EXISTS "prereview_materials" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "material_index" INT NOT NULL,
    "material_name" VARCHAR(128) NOT NULL,
    "storage_key" VARCHAR(128) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "size" INT NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "original_filename" VARCHAR(255) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "reused_from_id" UUID,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_prereview_m_applica_aa6086" UNIQUE ("application_id", "material_index")
);
COMMENT ON COLUMN "prereview_materials"."status" IS 'UPLOADED: uploaded\nNEEDS_CORRECTION: needs_correction';
COMMENT ON TABLE "prereview_materials" IS '申请材料 — one uploaded (or reused) file for one required material of the guide.';
        CREATE TABLE IF NOT EXISTS "prereview_transitions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "actor_id" VARCHAR(64) NOT NULL,
    "actor_role" VARCHAR(16) NOT NULL,
    "from_state" VARCHAR(20) NOT NULL,
    "to_state" VARCHAR(20) NOT NULL,
    "reason" TEXT NOT NULL,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "prereview_transitions" IS '状态变更 — who moved an application from one state to another, when (created_at) and why.';
        CREATE TABLE IF NOT EXISTS "prereview_comments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "reviewer_id" VARCHAR(64) NOT NULL,
    "material_index" INT,
    "field_name" VARCHAR(48),
    "message" VARCHAR(500) NOT NULL,
    "resolved" BOOL NOT NULL,
    "application_id" UUID NOT NULL REFERENCES "prereview_applications" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "prereview_comments" IS '审查意见 — a reviewer''s remark on one material or one form field of an application.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "prereview_applications";
        DROP TABLE IF EXISTS "prereview_transitions";
        DROP TABLE IF EXISTS "prereview_comments";
        DROP TABLE IF EXISTS "prereview_materials";"""


MODELS_STATE = (
    "eJztXet34jiW/1d08qVT5zBpIOGR9O6eQxK6iq4EahKqu2eHXkfYAjwxNu1HUpme+t/3Sr"
    "bBD9mxCRBj9KWK2Lqy+V1xdd/662huKESzTq6wRnQFm4MnYpqqQo4u0F9HOp7TD4ljKugI"
    "LxarEfSCjccaI5K90ZLhDWe38diyTSzbMGKCNYvAJbgjm+rCVg2d0o2cZoM0Rk7jtN0cOW"
    "25ekqvtM7QyKlXa2cII82AuZGsGZZjEmSYiHyDOZGxILqqT5GCXypoApcNnaAZ1jQ65Jh9"
    "IPOF/fIB2TOCFBVeRJXtE/pWiiHTv/Tpe72Ao6t/OkSyjSmBeya8xj//eUQp2Nvhl6M//o"
    "APqq6Qb4Aj3KV/Lh6liUo0JcQrVaEk7LpkvyzYta9fe9c/s5F0trEkG5oz11ejFy/2zNCX"
    "wx1HVU4oDb03JToxsU2UAMd0R9M8NvuX3C8AF2zTIctXVVYXFDLBjkb5fvRfE0eXKbsRrJ"
    "4TVbFOdPIsqcr/eK8XGCpJ/cFQuu8OJekotlToa0SY512SDZ0uM1W3KVh/fXfnXYHCrh7R"
    "B1x96twdnzY/MBgMy56a7CaD7Og7I8Q2dkkZ8CukZZNQXCRsxxG/hju2Oid81MOUEfQVj/"
    "TE/7AOF/wLKzasfm0+uD58WwD8CL6gMtC1F4//KQwY9m6798PO7Rf6uLll/akx/DrDLr1T"
    "Z1dfIlePXX4ZIEhcWbOcBP3WG35C9E/0v4N+N8rV5bjh/x7Rd8KObUi68SxhJbBU/as+aj"
    "ByxXVnoazJ9TCl4HpRuO5jFGC79/YrrlMRzGU3n9Xe8DQeb4a/MeG6RfamsJOyiEnLwD5k"
    "Sc+G+QgTSlzwLg1DI1hP2JZixBEox0C9h7+QFAgvB4Ob0I/hsjcML/f+19vL7t1xjf0KYJ"
    "Bqs8u9/jACPfwMLXivGORXM2zy8V5RRHCGl98WzEfb2u2P5vibBLrn1J7Bn7V6OwX1Xzt3"
    "TAOAURHh0vdu1d17YYSpZibl07QCJG9Qt7zf+x6s51cUK6q/Th65epWv9oaR/dkwiTrVP5"
    "MXhm8P3gPrMuHg6Vkrn7xp9hLR1dXVK5r4eanvB5cTfHX4wsSVBled+6vONQhjCvAYy4/P"
    "2FSkENL0jlE3IleWY+O35vV59ArW8ZSBQ78FfWcP9GuywKY9J+y9YwZk4G4lzXRUluMy24"
    "znVdKGfxukvTLTfAsLTakJqtP50GpqMMKwjYxn3UIWMZ9UmSCQqHOLZxBueHaOtSfMu/eQ"
    "QhVh3h2Qoi/Mu0PkehbzTjZcb2ZWfdkfvxlt+XWZuk2uhrTl03oGZfm0nqgr01thVZn9nw"
    "Naf/zuDJGdgbsVU2QBKOUCeElQOlNv84vXMkxbMkyFmHGEe7rNBzhMFEFZdXXfbaBc3RbI"
    "U/oGf6vXzlpn7dPmWRuGsLdcXmml4O66J2LmXrJ5EkDfxpOJZBqaGzqK+I884p8/3xENs+"
    "8UR9uzO+7pRHcwT3nswbCvjVoWb4TINVJ6MNMeytlMKIE1oqkyw+GNYHVWM5UJrG06Bpg3"
    "huMS8L00yc4A6unIETo+nYycRh3X4HOrqvifG+f1FovoNnwDPhiCXQZpMYILhNg/2mC5u1"
    "efwUAnCFRNVaH+CIThL2rRE4UfOd7h80f6SH94eIZlZDxbDw9ItWhsGuZExgT9NYI1OB8T"
    "cwSvOWKwu58AaQOYTp0U0tQ0nIU1Ovr+E3p48MLX0sxwTHe6kQ6zBBzxMJIGpkdH1fOLat"
    "WdrtZiH4H5Jycnf9ArFrYdE0azwfTid6Tq6JKo/6LBcWYFCSeIcIIIc1g4QQTXhRNEOEGE"
    "EySG7jrxWIYSF+QuaEKxqGE8OutPsEPHiKvu5dQJjq5798O73tXwYqlBjnS40u3ClcCMeT"
    "nTzMKYqIAK8KUZZQvIHhBPHGMreeUHSErnn6o3GhkQhlGJELN7wv+3M7nt2VZxeH+5H/T5"
    "8AZIouoPtfT+wwy0LfmhAlbH2FE1W9WtE/q49zA6KEIhxcfH+fi283uUBVc3g8uoRkMnuI"
    "zwI2Si5uFKjLAQvKFP3WverOXW5RcGrO+N45UllNDJK7zh2f28voPr7X5ef6Y91LszgfWo"
    "GtbjG2H6TOe4JjR+UFaY4E0dAmMc3Sa8nScPXH+nc125U5UVL0sz3vrju4cpygyPRL7JZL"
    "GBaBQFquvPVWrEbDJfABpv3gBhrqE3VZnwemP87tV48i3WX4YG/TdjCvYbg8rv6hJMScRm"
    "306KBDIj39Wkq5AoUtBD5UJqmIwbj+SFrWuXTGKQewndS455YwK53vbMNJzpLEopLafnJo"
    "PDdSkI/nK1JIZru99gc9Kx1qNBR9WmrxEL3cbGVNLCuMQbLanucDV7PXDjvNb0c7DbBI9H"
    "zhmZKH4glRbZasZU1ZE38ws6xrpbjKtUEEawngzvox+E/IItC1nO+F9Etj/QaCmMAjx5Ed"
    "3dPpxbB7wwjSfVSyfy6EQ9sIiV7tGWtadRMxErPUSuZ4mVBkXyOvGmIH2Rg3xHv3VBIg6l"
    "216/9+Vu8PGuc3uBnok8w7Y0V3UVvsfUxPOR7o0bdJa3Dby8+rXfG/SXN9iWONIvu71fev"
    "2P0pfO/f0FGrubo7TAbvDn/X3//k7L5XBC5u+KpMhMLVLkFnZ8biFtSoRwSVG6AFbzLAPA"
    "zbNEfOmtyCImoFvYEtHlOMRDUMkT1nGIai2Yi+k45m493d+H6cGQ5c5zM+h/9IdHIyTfo/"
    "vDRNU4cdnkEFWA5E3BqfUWeBmjUyE1DSysnBX7AZJNGkTF/SWsX7JPoYpDm7tk/6tVKo94"
    "JVKzH1hQRarZZ6hz/Ds+N5J9OvQLZffiyGeNkdOUa7WR02rU2/C5ftpa1dP7Ke6snxqNjS"
    "xM1SII3lm3f0ILeJKhYw25X4qlwcP+ZL4sYJkgbFNybi+3XT1WpLMXRExVhIvmgIx14aI5"
    "RK5ncdEoqrXQ8IuUN/c6SieszFetTFhEGv0Mz3ginN5NPd1+3SUWn6SwpdNHfViyQDXSLz"
    "v3vasLVBvpv3bvej/3utcXqM6SscFUvECnGV1ZboX1ab3VXBZX0z/S6qrvbzs3N9zeb25o"
    "Mq/NHyMUZn9+s19VJLfoMi/6MUKB/lvQZ184j9DnkG6EAwWqatq82GeVBHlXeohIrPI1XI"
    "sMwNwrPEK2JeTLtLxVS8Jg8z5xtMfXmteu6HbYt9bHfq/61q5VQRBOIVo/EZCXwbRnBpzI"
    "iBdtYnYM1jZ90aw25ZZQTeyI45IO3q6keabdYpk5G5ndQ63QYz/OJg2ZJvmNMVw5awQ6vr"
    "JJEZZZGYDb4FUzphbtbvKs2jMYQbMXng1TQVhXkMGmxhoaDoZfuK7pbT9P+KSFT1p4J4VP"
    "WnC9ID5pGjDN648O0pSu1crmrbb9c/vvMdi+/iHNsDXL5Y2IEpYQ7q20+7ANeyGtl9XHIR"
    "X+tzW8zMItVFC30I57IxRN+ryfwc4ASzLXfTRfM9aX3HvdVO8gOhjN4A3R+GVpKbvmfgVZ"
    "srEgCrINekrL6kQWsJF/ZD1WWV/VY52o1ChG/42mmjHG2oe4ib7F53AL/dj09K7pYaaEDs"
    "xhByOJwj9hwe+PTNpTW05Y8IfI9SwWvC+Z1yn682mLbOscXd107z5fIEDWfBzpd91fe93f"
    "uncXyCRPKnkm5kj/1Lm5kW47/c5Hep01J3DVA7jXub7t9S8QVuaqHt1OM9WYbbwH5WoLzV"
    "n+ESMUxzaKQzC3h6arBOeDM0gjSpTSS5SWuvUba5QiIcj9hPbVUqXgyuLXKvFl7AYADh8S"
    "upei4FV4Y3vL6xiLU3H391TcOzIBOTUbGo9EP+L4SUL3K2muEtMdKdl0aEZvyUCn58cwOs"
    "To3J5Dbtsii1gWNcCPJ3iuai8ffkIG6O1ItS10/6nzt3qjSY+VsWxYZ5wDbzY7tUhXKMg2"
    "WhHOjgMye4Wz4xC5nsXZ4QrunEZJiGi7Vsk79IN8q5XndgiSHuFL8N1ICZZehK7ILqQ1w+"
    "Wbd/34oOU0qkNUYgFH8w9Ay8ud7hGmEllMrybWkG8LFZiwxn4bpizhfru/+2tcrTINe021"
    "Kky5ATYX0+IvB5fJE8i/tbgcohRcLhqXc6QpbdO/NHDssfGt+0SYYyzmXgrerqR5lww2UC"
    "JPfqFYlqqZ83a7OXIaLWVCq1jaboPs5rKKRUdsOpolA89Tn4iJjheONasgjShTYn5A5Bs8"
    "QXtBhi6Tn9Czqdo20WmRCz0iWZ5hfUp+sGDlYt3CzIHCq6V5p7cQLqvC6KjCZXU4zgvhsj"
    "pErmdxWTEx7zIrxvVk+zRMtS3nSpkMVDwFpk0BjrzdmyN0AussVTYvmoE5MKc0E16RiGbC"
    "IdG1iWbCC2cM+M3W2lyitDsx6griZyz4ZlIom+6G2SVd3Ta5hy8Fb1fSbDrXvpFgfzPzHL"
    "k0btDzjsZyjf47rsKVSaMROvWI4MmFaxxh3dBVGWuI/laQSWTakYAlAihEVmkOQAXNDE2h"
    "hx+ptImuriDqCyYWywjgtkbY9fOFIScMOaHSC0NOcL0ghpxF/oyz+1Kd9vTEQ0v+5HB5za"
    "ax7xtcdNvBntfrp6etevW02W6ctVqNdnXZHDZ+K61V7GXvI62qDXGS1zmW7pu5TecIWfns"
    "ubNqBnvurJpoz9FbsTOP/L5g+c8+ilCKPo6vms9UU4yDnNwnwR9fihybXXRHKJTF9Al2xK"
    "NEg4ndzWIvzfyBGYyltlJvjpxmqy7T42JPz3wzhRonFjBHI8g0nmkEynyhCjgB+0Mz5Eer"
    "giwDwb7lEF0myG1AbIFp8gR/GGiKFxY9lURx3B89sXiW0u4ePtJHet+g9e2oy9plXiDVpo"
    "YUs8cmKqxu9Ehe2LywCmXHNGnIbaKalu092UKuIk4J/RZ2GqzVkf7w0Ovfd++G6OTkBIEV"
    "dzXo/3zTuxqi6wGC38GnXv/jwwOz3OCL6WhOiA2Pdb8lMJp9R/q1tmHM3c+xpiXqHVw5vM"
    "dqx/pd6JMNN9skRLLUf/N6pqSodCGy3Z0GUArVrlBCuQ9/JAtldjeLUNbhTkYX1i0xH0H0"
    "gXyst+sjp1UdnwclI3X/UBcRlVyyMV/QQiF6JjddcReInUCBquy0J6oNeN6iinfjEVkLrF"
    "uo/n+P9PYTTzDv+Pkc2exK3L+xmhuQjhYC2wvMM4uwXibHbKoKopC6XcE//ATSmDphXCkL"
    "BrFl4/nCGunPhqMpaG7A29gzeIJiOMAXb4f5N6Hfg37WsDkFGsS4trxoTJP7nSxP+li9xd"
    "v6m6QJk6xy2hO5RRfTO7EOkyV6wkkv6VvlO5zsUuT9coVmYP3nWtNhujKhumPnBz+h/VLV"
    "sfnChz4hmX38Yrtb1J7BnoagFxVd2olgJl72+p27f/ANxUtOFPXyH8Nupzhayb061YkyhM"
    "02yVyMjMiinViMhFmOmeNsrXGL0LbfVQVsuDY9ozJqw8EG+oPl7rN0XzYNusvbTHGYG7SC"
    "HOwt9mDPoAIFQKk3GrVzL7ORmmQ8u3GHTxaxNRFbE1EWEVsTXC9IbK047piDsaSCNV+GnV"
    "BAmaZvhsiE0plH6Qwtfd+vIc15rYLTVn+EUlhba/8EQDHMGfhcUZQiKrftkCfVy7HtmFwB"
    "nyxjQmRCxuSRMQUxbK9AvQe7reMoqp2YOxofVEkzb2V3uITp+LyJpK0mIW7yJvx7qrTB2G"
    "xOzmiCJ2apnbjmm5zPM8OrswODkp515dfeuY+vMCP0mQb/jlcWB6dp946eKYxaYdQK80YY"
    "tYLrBTFqYSMyzDw65ZJAqJRZCv5k/+SUHPjyz1opA8Cn9QwAn9YTAaa3IucK2WQO6Cm5sm"
    "9DRLuD+WhbasC2V7Gr7HEs/+RSygCJKKUM7QWbKKVkCzinQrwiEU3kU3ueU6TiyOZveU7M"
    "J1UmPW+2vQT21dbRgVUVah0Nz0f9rzc379U7+iOsafIrMS33e8eM+dD9SpodP6UjpSd3aP"
    "ZK0Po58VvqNE+rLWpSN1rBSkx1PnfcnC9vblZ7qSOK6A8WYo/9CQWPVUcLz872CVROb+nd"
    "PXrE8o/nsKRNFWB4eKighwfLJgvLSzl+eGAWJky60GAUXJ0YmmY8I8v9ZVg/utha8ozM8c"
    "kiMez9z+VP0nu8OM5LOA32SQfeT/NROA0OketZnAZPq40zzPLEMGCAokwRwHrtrHXWPm2e"
    "LQN/yytp8b54bA+mt2kzpbwtgqN0JfQZbMGcNXRFtX11LmuBY5iqBF6DXRQ5hitKp1iTxt"
    "hSc+EeIRPA5wZ+QogUfNUc4HNIBQNyM2BpJOXxoIWIiuFDo88rjQ+Nmap5GLIkEMzYODNC"
    "noI8TIkRFoM5pfI2u758MAZ4rEnRTcNkJdg3woppvdHIoJnCqETVlN2LYO05Q8YvuaAOUQ"
    "kjIIMR8G4hlKIBXZ4YSkGRXTuIkuH8TW57JF6Ktkf98+c7ouEEVd4DvbOaqUSgf99qvwZ1"
    "QhIPkljdrKTWQ8KwnIdInJExHjmtRo1/fAOiUyJLtR3GTHQ8cmCoR1FB9K8mTfYcN5vsr0"
    "m1ugwfTao1OlsNs9nqzQ+0iYGNpqbhLCw/gsMiRtz+OgV6M5FyWpDtoiKiRwcURxDRo0Pk"
    "epboUd5svc0m6hXoAMTNZ0Oy/3NA648XFmOW8jDDtCXDVAgnXzq5v26IaHexz+q2QN5A4H"
    "N3VV9hg5RjF91i/WVo0H93Y5G+q/RJsUfZt5Oi3VzC39WkliPsuct4XthgmRgm48kjeWEL"
    "3yWWGPCedbvkmzeGzuAeIuTet2egxE9nUXIp8iSukQzXpWhDsu/p7WwCX4/Xyyb87ZMNt9"
    "A3zW66UaPovN06XxlFU+OJmDrtERMyY/ymcHNYRbK6wNqPiko5Ldt+xR3fAtv0A4QhJQwp"
    "oVILQ0pwXRhS763KbFvXF4bUEtxavZ0BXRiVCC+7F80F4zZCpQB3dWceU8YjGWH8hqjbDC"
    "n7GlFObeDo9mu/d9X70rm5WKlXI/26dz+8610NL1Bo3rycaWZhTFRABfjSjJu4jiknLPzX"
    "+bKi3ifGSFedYedm8DHAIMlTezfFqHoW+VRPlk/1mHya+z29M2eT+QTFyI8pVfISxVaaaH"
    "jK4UjylhGmKl12zJa2DZoLrKlz1ZYU/MLBO6WLdpxUuOOidQgL05irFtgDa2GcQC1gjsJM"
    "06onJE8BTYBCwBk/hO1PRwUBLYGtp/FV90vD0AjW+eBy6aOd3GCCbeHsW047buQ2GNyE9s"
    "LLXjSX/evtZReENBPRMEh1Xa5xBuDFwoAnUs+ixBIx8myEXOItndD2jnbUFnqfWNLyXOyc"
    "Kz5KKhZ79sW+MBaOhk3V5qToJm+NISIhwmMSRFOxlc+kCZAIo2bjRo1FsCnPJJt84/iUkw"
    "vGImQlMGt2XSzmnQAo5S+y5lAKQRMVNApZYNNVNvJFJWOEogYgvQZgBVgc5tyVANehyfYT"
    "3lcLAWJLLJTpcNd1fZEZ6wGifYfXLwjgdj7eL1U8sSogKBrirZ7WxyzaYKokKzbJ6nt7yY"
    "k/U4nBEvU5W6zPCTiJI3lpb0v4C1Xv7FWMPG+6X+ibRpP9VvmT4TS/aApfNMWPlwa4yTS/"
    "eC7MDGu8Rgu5Gf8J5ik9z/0vmZXdFNwNcHrJoxw8Ts3lDG4gnFzOyP6SnMsZ3dIyHdYwab"
    "CKtCqm+ZbtM7hCcKDWDRRm0AV0+wcLjQ3jEdjnn2FsaYaNAGH3j0BGJvd8hi09httw0Z+M"
    "DoAP84VhE11+YbwGRkQG+Cmysq0+EWmOzUeYJ9qjMUyjYG8i+BnaDsOannRP89D+EGmkIo"
    "20uArMniYUijTSQ+R6ljTSggTvCsfxLUfv6A7I/ZUluB8xL3IU+mntIcgpoNKfRqxlFzZt"
    "aw3xFCIsoXTaX2kU34R8NTAniwNkgsGFZvBK418ryXhJvcPYIjWoiL/mMqcYXw4Gn7vXF8"
    "ilHulXn7pXcEHq9S+QPCMyXJRUHa53+lfdmxs6VKbfWdPo6P5Auv80+A1WhCFZM8ByjV1r"
    "8xniYRsvj6IQJSxfhk+WhNfkdNdYsmvU7s4BNoe0hDrZ5st+4Es6RAIZNM5V5B8lWyvqXr"
    "SlvekO50uBt45TIUq8gS2+YHiXaYdf7mLrsDpCKzhdZE4H4gFZ3bIBEpFBI5qSbhNOP+CQ"
    "E9IImYA16obRjLyQBkgEnOlpc8Eo2RuT5r5aZB+1/KzpcpHfKb93blS8bgDWw+5KvEpDjM"
    "qETUDrTVNSTANiMAOmMy85442YrpvIsieYBvTJ3Omyb8w5S01J+awa1uM1oZLiiJOSErxd"
    "SUtJeaQD4XuxIzPZ0Aw5Ke0awbRjMj6nx38qTfrvpDVymq1THEwZmaqWTUyiIIoich/i9l"
    "NmJre1zCqxkKqjZ9WeIRU+G886koEMbqhY42Wr7P4FRHuygug2FSTySg4nw0DklRwi17Pk"
    "lYgeWttsRkxAIOY/LzRCJqDOALVJnmj8dg3pFaYUnuziCCvhyd6C4pfi1BKm7FtM2QwHQW"
    "3Tkv07DW9fGY5uM7MqZsqG7lfSbFk3UC67QzMbs0H7sT3GNbAiG62qb0XSztUatmzEJkdu"
    "FB5N1SeiU5MRu5YlNZyQgl9YHQTW3b7XLGGVZ73u4Incsgv/Z+Ile8aTa6NFFcKkFSZtce"
    "Xenho3wqQ9RK5nMWlFzn7unH1RXfIu1SVUP8mfyBihEt2DolmMwkoUVqKwEvnHKdHQPe8c"
    "JS+kn3KAEozIYQyyMCI5X5pjtKqdlljQ6RDdWNEzcNB4/gk9PLilFw8PSCdPYKORbzIhig"
    "U3ZLzAsmq/wK1jQFxR6ROwhlzt7APfKNzZk1ONQ+6muKpwi9fdpxKyQnxhRgozsriCcU8N"
    "CmFGHiLXs5iRwiZ6F5tIWO+i4l6EPuObkKi4LzmDfZMjhycoSLI7N9A2N5cNe4JWLQEyIr"
    "oiEG61KJiqJcmaYfHwfO0YixXdDs+wWF7Z20MshCNzoyVxNpkvaAfNnJBGyN4A6/5khgn3"
    "8Du7h3nrdgOwUj/vMDDdXi7YV9GN/GJDCMM7oP7Xm5uMDfpF9/RU5N/aEPzVYEX3m0z8t+"
    "VGLVYDKq+FLyTij10jkDFyzibtMVw5rwX6+VLFxjEJcrPHyDeYEFnEogcK0Ma+qywzGoVQ"
    "8Et6yGKDzxCFVgXZKisinHBAjmURTjhEru9ROKFgGp2IJhQumvAIb8lfm6/3/fRpixzpOr"
    "q6GdyzNp7MKTXSu78P7zoXrmIVVc+yrNrN9+9kcRlpruoOz+i7n4O+l+jBjNKWqM3hab3V"
    "XDox6R9p/sv7287NTdylRnRlTWDDlALWdw9eFBPNDZ6Xji3eyaLJWsKKogQnuoZlbL2RRc"
    "jCqEQpy+4J97pwBBfLVVngPOGlnzjB8xb0I7/iePMdsmv53Zq4Tms7W63Jyif2TMij9hJM"
    "5w24wvxTtFbFnJVVUyJ/23nNE7fFp+ZPHKYP9myTkH4nKk2FT29/ZOKeeneET+8Qub5HPr"
    "3CcXzLTr3AbpjHgA+QlSlZbhPm+7s7nEqM7bt6nEqMq8iX3bzP6QlrKliZpsHpwJ0cNQlT"
    "vTF4UjCvXr7YiYuEo9sqx/XxGoBLskNGUPjkhE9uj31y4V77b0wZzNhnv5i/992mCnYWC0"
    "2VcVKiYPB2Jc1buTCJSZ5UAlbgiiS717J+TkbOGZk00fHIaU0aNfpXFY+c83b7DO6Pce1D"
    "sLG62zX9BwsFnhZsRVdBC1XXiYJsg/kWpyDQCHoiJk3+43owd/8GItOwIHK/IrySB+SfEl"
    "7JQ+R6Fq8kSO+5RCVBnOm/3A/6fIaHiKL8VmUb/QdpqrU1GzkgZ8eOqtmqbp3Qx76HmKUg"
    "hVjt+yKPbzu/R92UVzeDyygP6QSXcQ8bzwGU/TjtrXbdj+97iokndk7wj67vOj8PLxCjHe"
    "n3Xy9ve8MhTbWznPFctW2abdfrS3fdX3vd3y6QqkuusjXS+93u9b10Nbi7614Ne4M+sI12"
    "YgIMTJOwdTHSv3TuWd7eAlssb++u+wsMpldM8i8YRK/RHxe8xW8wAY29wps861E1KVO+ST"
    "VLukk1OdukGnVaeypTDm9VgGJ3zqratuTthj1VyxW1TtuLCK3o+V+c3SyuxCiwUWuqzhGe"
    "KXncAZqte9NiwrMwzjRZw/BNFWmc61z6MFX5qgw2f/iIQmSVimopKWdzSL4lCHkOaQmSN9"
    "PkT/f3Ybp2tRQ/N4P+R394VOWKM0BZay8IU4qdoNg7wQKbbsJEPs9RjFDECSI/IObWy4lq"
    "kEYAKg6J3yac4pB4cap5kUKEaaea88+JFsea54A337HmbCPaALYf6Ty/rrwuJQU3uG9nQH"
    "elPG0A4uvQZCUFOKZu5j7yPBDABnhMFWtv7z7kR3dvvRlLxIBwtywT65a6jNtvBLPhcs6y"
    "oiYb8w00ubpj7vwrd64yQbWj3JXlbzM9hyX4E86SyxISIlkSWVqN01N6qCIrh2s1aDlc4/"
    "w8eKKGs9AMrBAFHRsmMoljEeUDmqgaWdbBmeRPRzVhhP90WitHT2Vk+w8veWVHT+WW3+Fw"
    "hpBPLbGFKOrsREbLHkmxPc1tEBkth8j1LBktEWkc43xiCD1OKMo+OMH0JUzsQgze5FBhjL"
    "CE9Yu1ejtLf6d6O7nBE70XTQeCgVMiPZJcodkImUA7I9ozXG80cwG9pCghxpsPgFvqvzly"
    "I7lk1BsuhDFHGMP0NnUdMVRyLNkonVi4GRauYapTVYcNjBqReXc/LnEJYa83GpmabzVSmm"
    "81OD0ObYfjbsqeEetS7zBbxvc+5DSUj75+uRl0rmmiqj9DloTXqIPkfdJWXScLK+7NHXuN"
    "UoqTM2Knrvs+p5zYxilFaDs9tB3x770xjBWpJ9xPgF+NY8VXWZFa1PHDM+mO83AcJ4vrPB"
    "JNyuQ8r4+bI6dZrdZoRzmlDZ+bkzPfjf08M9DceCIKrbAMFV2CoGQubFbtQestsW5QB3UF"
    "aIiOjld+yw9wS4Gr3CZ2u368qP8siPSrCG/5AflNhbf8ELmexVsO25NhchXKlGZ0AZoSWr"
    "Cbdxy4gJmGlstjEKYqIdCbPwuB2Y8p1bMJ5cwhqhICvXlLHwRKbpiDNALkTO6UvAVioi7s"
    "DXVhwsMiPCzCw7KuhyWczcnxrMTSPbN4VIKZppmaao0xa8RPGvBvrToZOe1zuRbsYUWnJe"
    "YPFnycY/PRPwpzlQHopgbSFieIfXXWtT/k/uD20trZg4ULpSDirSJcKAdkTAsXyiFyPYsL"
    "xRftOb0oEbISWkSbd6S8d25nwSLLm84mckflzWwJU5WvBcxZliTDs+Qcw7NYiuGcWBZo0X"
    "lADpCUUFI0qlmcJzAqEWR2L9YGwNCeCEcoXxqGRrCeJJdXZBGox0C3LayXV3ar414OBjeh"
    "ffayF3WVfL297N4d1xj0MEh1zc249BD+E+E/Ef6TtTNUQD+RZ0e8lBT3TiXNY4JXY17zki"
    "TjumHPQqIyxv2JcxQwj4lv8ygUXv1KdiIkdgFNVhOS24CWQU3YSm4x/VHlQNgbXkJ0a5mU"
    "sFqKElaLK2FeoUEc4eTu0gGS3feWfh9FYGNdpGMqwy43s+//Dzm88Kw="
)
