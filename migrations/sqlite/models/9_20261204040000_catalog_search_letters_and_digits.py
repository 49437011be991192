import json
import re
import unicodedata

from pypika_tortoise.queries import Table
from pypika_tortoise.terms import Parameter
from pypinyin import Style, lazy_pinyin
from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# A frozen copy of the search-text rule this migration introduced (services/catalog_search.py as
# released on 2026-12-04): a migration must always do what it did when released, so it imports
# nothing from the application. Never edit it; a later rule change needs its own migration.
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def _normalise(text: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", text)).lower()


def _search_text(name: str, aliases: list[str]) -> str:
    full = _normalise("".join(lazy_pinyin(name, errors="default")))
    initials = _normalise("".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")))
    return "|".join([_normalise(name), *(_normalise(alias) for alias in aliases), full, initials])


async def _rewrite_search_texts(db: BaseDBAsyncClient) -> None:
    items = Table("service_items")
    _, rows = await db.execute_query(str(db.query_class.from_(items).select(
        items.id, items.name, items.aliases, items.search_text)))
    changed = []
    for row in rows:
        aliases = row["aliases"]
        # asyncpg hands JSONB over as text, aiosqlite the JSON column as text too.
        aliases = json.loads(aliases) if isinstance(aliases, (str, bytes)) else aliases
        text = _search_text(row["name"], aliases)
        if text != row["search_text"]:
            changed.append([text, row["id"]])
    if changed:
        await db.execute_many(str(db.query_class.update(items).set(items.search_text, Parameter(idx=1))
                                  .where(items.id == Parameter(idx=2))), changed)


# Written by hand: no model changed. Search now compares only letters and digits (punctuation,
# spaces and symbols dropped, full-width forms folded: _normalise above), so every stored
# search_text is recomputed with the new rule. Without this, a stored text kept its punctuation
# until its item was next written, and a query, which has none now, could miss it.
async def upgrade(db: BaseDBAsyncClient) -> str:
    await _rewrite_search_texts(db)
    return ""


# The previous release's search works on the new texts, except that its queries keep their
# punctuation: 户口迁移（市内） typed with its brackets finds nothing until the item is next written.
async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""


MODELS_STATE = (
    "eJztfWt34ji29l/RypdOrUXXBBIuSb/vWYskVBXdCdRJqOqZM8xxhC3AE2PTviSVmen/fr"
    "TlC77IYHOLMfpSFWxt2TxbSPu+/30yMxSiWR9vsEZ0BZv9F2KaqkJOrtC/T3Q8gz9Sx1TQ"
    "CZ7PFyPggo1HGiOSvdGS4Q1nt/HIsk0s23TEGGsWoZfoHdlU57Zq6EA3dBp1Uh869fNWY+"
    "i05LNzuNK8QEOndla9QBhpBp0byZphOSZBhonIDzonMuZEV/UJUvBbBY3pZUMnaIo1DYac"
    "sj/IbG6/fUD2lCBFpS+iyvZHeCvFkOGTPnmvF3B09Q+HSLYxIfSeSV/j738/AQr2dvjt5B"
    "//oH+oukJ+UBzpXfg4f5bGKtGUCK9UBUjYdcl+m7Nr3751bz+xkTDbSJINzZnpi9HzN3tq"
    "6MFwx1GVj0AD9yZEJya2iRLimO5omsdm/5L7BegF23RI8KrK4oJCxtjRgO8n/2/s6DKwG9"
    "HV81FVrI86eZVU5b+81wsNlaRefyA9dgaSdJJYKvAaMeZ5l2RDh2Wm6jaA9e8/3XkXoLCr"
    "J/CAmy/th9PzxgcGg2HZE5PdZJCd/MkIsY1dUgb8AmnZJICLhO0k4rf0jq3OCB/1KGUMfc"
    "Uj/ej/sQ4X/AsLNix+bT64Pnw7APyEfkGlr2tvHv+XMGDQve88Dtr3X+FxM8v6Q2P4tQcd"
    "uFNjV99iV09dfhl0I3H3mmAS9Ht38AXBR/Q//V4nztVg3OB/TuCdsGMbkm68SlgJLVX/qo"
    "8aHbngujNX1uR6lFJwvShc9zEKsd17+wXXYQvmspvPam/4Mh5vh7+JzXWH7F3CTmAR2y1D"
    "55AlvRrmM51Q4oJ3bRgawXrKsZQgjkE5otQH+AtZAuF1v38X+TFcdwfR5d77dn/deTitsl"
    "8BHaTa7HK3N4hBT3+GFn2vBOQ3U2zy8V5QxHCmL78rmE92ddqfzPAPicqeE3tKP1ZrrSWo"
    "f28/MAmAjoptLj3vVs29F0UYJDMpn6QVItlA3PJ+7wewnlcIViC/jp+5cpUv9kaR/WSYRJ"
    "3ov5E3hm+XvgfWZcLB09NWvnjTHCSii6uLVzTxayDvh5cT/er0CxN3N7hpP960b+lmDACP"
    "sPz8ik1FiiANd4yaEbsSjE3emtVm8StYxxMGDnwLeGcP9Fsyx6Y9I+y9Ewpk6G5lmeqoBO"
    "My64yXZ6RF/62T1kJN8zUsNAEVVIf50GJqqoRhGxmvuoUsYr6oMkF0R51ZPIVwy7NztD2h"
    "3r3HLlQR6t0RCfpCvTtGrmdR72TDtWZmlZf98duRllfvqbvkakRaPq9lEJbPa6myMtyKis"
    "rs/xzQ+uP3p4jsDdydqCJzilIugAOC0ql621+8lmHakmEqxEwi3NVtPsBRohjKqiv77gLl"
    "s12BPIE3+LlWvWhetM4bFy06hL1lcKW5BHfXPJFQ99LVkxD6Nh6PJdPQXNdRzH7kEX/67Y"
    "FomH2nJNqe3vEIEz3QecqjD0ZtbaBZbAiRq6R06UwHuM9mQolqI5oqMxw2BKu9mKmsYMnE"
    "tNUxfMlNf3ydm8VUZUWLvGDN2cbK6gQTlQmqXVqcmJmPY2vyzX/pViYwoeWISTgfD516DV"
    "fp380zxf+7fllrslCBum8ZCvv2A+8/RvQCIfZfbONVd6++TolJENVhVAUMXQjTT2AqIgo/"
    "JGGPzx/qQ/3p6ZUuI+PVenpCqgVBD3ROZIzRv4d0Dc5GxBzS1xwy2N2/KNIGZTpYv6SJaT"
    "hza3jy5y/o6cmLi5CmhmO60w11OkvIw0NHQsTD8OTs8urszJ2u2mR/UuZ//PjxH3DFwrZj"
    "0tFsMFz8E6k6uibqPyHqgqnXwromrGvCziKsa4LrwromrGvCupZAdx1HP0OJC3KHSkIJd3"
    "TS7e9PsEeLmyvu5ZQJTm67j4OH7s3gKpAghzq90unQK6EZ83KmkYUx8Q0qxJdGnC1076Hb"
    "E0fXSl/5IZLSGT5r9XoGhOmoVIjZPWFY3tu+7elWSXh/fez3+PCGSOLiD2h6/2EK2o4MnC"
    "GtY+Somq3q1kd43HsoHYBQRPDxcT69b/81zoKbu/51XKKBCa5j/IioqHm4kiAsBG/gqQfN"
    "m7X8BfyMk/WNcbx8lxJ6D4SbJbsDwTdwbe5A8Gc6QLk7E1jPqmE9bwjTbzDHLQHHVFlhom"
    "/qEDrG0W3CO3nywPXfMNeNO1VZ8bI0Y9Mf3yOdoszwSOSHTOZbcEYBUB1/rlIjZpPZXNvc"
    "1QmADbypyorXe3nRD1FgeB+38KEgtaFXeGX4yz3W3wYG/JsxY2TDGJh3NTQvyRth306Kuc"
    "dj39WEJUgUKWz3dCE1TMaNZ/LGdkuXTGKQe/knAce8MaHUFHtqGs5kGqeUgum5uSv0uhQG"
    "P1gtqUEAnR9U5NGx1gVXtmrDayQCAhJjKsuCA4g3WlLd4Wr28gX1y2rDTxlpETwaOhdkrP"
    "jueagJoBkTVUfezG/oFOtu7QClgjCi68nw/vRd21+xZSHLGf2TyPYH8MHTURRPXpzAfh/O"
    "LVswN40X1Yt+9OhE+QLhgT8gQehAfbHCA3+MXM/igQ9vyet4McP0RXYdn/zeoTviQLrv9r"
    "pfH/qfH9r3V+iVyFNsSzNVV+n3mJh4NtS9cf12cNvAwdVvvW6/F9xgR+JQv+50f+32Pktf"
    "24+PV2jkHo7SHLsuxff3KPknLZfDKYkKC5IiM7VI8QD0xOfm/S/xOwcUpXOLNi4yANy4SM"
    "UXbsUWMaGyhS0RXU5CPKAieco6jlCtBXMxdWbu0dP562C5iy04ee76vc/+8Ljf7c/4+TBW"
    "NY63P93xGSLZyOW53gIvo88zIqZRDStngZEQyTYVouL+EtavMAJQJaHNXWHkm1UqP0slVm"
    "IktKCKVGKEoc6x7/jcSLfpwBfKbsWRL+pDpyFXq0OnWa+16N+18+ai/IefOMHKP4LHbW6q"
    "FkH0nXX7FzSnTzJ0rCH3S7HkCno+mW9zukwQtoGcW3pyX48VSRIF2aYqwkRzRMq6MNEcI9"
    "ezmGgU1Zpr+E3KG9EfpxNa5kotky4iDf6mz3ghnFJzXd1ebRJLTlLYSg8nPbpkKdVQv24/"
    "dm+uUHWof+88dD91O7dXqMZC/KmqeIXOM5qy3IIQ57VmI6gFAR+WlYF4vG/f3XFLVbquyb"
    "w6f4JQqP351X5VkdxU3rzoJwgF+pugz75wnk2fQ7oVDhQoV2772z7LT8m70iNEYpWvYVpk"
    "AOZe4TGyHSFfpuWtWhKmOu8LR3pcVWt7QbfHMts+9gdVZnutvJRoCNEGUYCcCKYDU+BEns"
    "W2waLfk/52zY0X1607T5ZFVcwTbTlMumFD9KFtzFV5Q6R6bKoBzPTJ0DSqzpd0aRlYGrMv"
    "uCFg/baLUyZvySEuLssZBZNLExNvvG89hib8DPOVdYmJmnyiJl+pki8OBqpdumhZIvA9AQ"
    "PFCcdTG75dWeawdTOTZ2xkdsetAs37LsZ1GWLfR5heuaiH+jawSRGWWc6l26ZBMyYWlJJ7"
    "Ve0pHQFBfa+GqSCsK8hgU2MNDfqDr1yP7a6fJ1y1wlUrnHbCVSu4vgeuZ3HVQhxRXjdtmK"
    "Z0de22b8w8PG/4AYPtyx/SFFvTXEb6OGEJ4d5JbTXbsOfSesHuHFLhllrD+Sq8JQX1luy5"
    "EFXRdp/3U9gZYGnquo/mKmU94N5qVb2NYDCa0jdEo7dAU3bV/QqyZGNOFGQb0Gtx0VeR6s"
    "h/YQXtWRH7U52ooBSj/48mmjHC2oekir7D53Dz39n0cNf0MFMibS9Ze1ORDy80+MPZkw5U"
    "lxMa/DFyPYsG7+/M6+TC+7RF1nVObu46D79dIYqs+TzUHzrfu53fOw9XyCQvKnkl5lD/0r"
    "67k+7bvfZnuM5q9rjiAb3Xvr3v9q4QVmaqHj9Os+hM2y/4vThCc2ZFJghF83XRyn53aLpC"
    "cD44wzQic3d55m4gW2+YuhtzQR4mtCszeMMri5/Cy99jtwDwbWSyg9wKVsKbOFtWYzz1ut"
    "JtiK7f3K6cuIbOlyIlnj+QMd2npgPjmegnHDtJ5H5lmanEdEdKNgzNaC3p69Csj9EhRueW"
    "4nOr+VnEskABPx3jmaq9ffgFGVRuR6ptoccv7Z9r9Qb08LNsus443QW3O7UIVyjIMVoRxo"
    "4jUnuFseMYuZ7F2OFu3DmVkgjRbrWSdyiTvKmW5xbOk57pl+CbkVI0vRhdkU1Ia7rLt2/6"
    "8UHLqVRHqMQCjscfUCkvd7hHlEpEMa0MrCE/5iplwhrnbZSyhOft4Z6vSbHKNOw1xaoo5R"
    "bYXEyNvxxcJi90/1uLyxFKweWicTlHmNIu7Ut9xx4ZPzovhBnGEual8O3KMuuSwQZK5MXP"
    "n86SNXPZajWGTr2pjCGLpeX2jWgEWSw6YtNBlIyXcIxO5441rSCNKBNifkDkB32C9oYMXS"
    "a/oFdTtW2iQ5KLPSVInmJ9Qn6y6MrFuoWZAYWXS/NObyFMVoWRUYXJ6niMF8JkdYxcz2Ky"
    "Ytu8y6wE19P10yjVrowrZVJQ8YQybULhyNvUIEYnsM6SZfOmGZgD85Ia+wsSUWM/snVto8"
    "b+3BlR/KZrHS5x2r0odQWxMxb8MCmUTnfH9JKObpvcnoTh25VlOp2r30j0fDPzdCIc1aEN"
    "4Eiuwr+jM3plXK9HmgESPL5ylSOsG7oqYw3BbwWZRIaKBCwQQCGyCjEAFTQ1NAV6AqpQW1"
    "5XENiCicUiArilEfb9fKHICUVOiPRCkRNcL4giZ5E/kuy+ViddPbWX1x8cLq9ZS/19nYtu"
    "lfTLWu38vFk7O2+06hfNZr11FtRMT95aVkH9uvsZsmojnOQVVIdzM7fqHCMrnz53cZZBn7"
    "s4S9Xn4FaiFaBfcC5/S8AYpShvvFJ9BkkxCXJ6nQR/fClibPZRHaFQGtMXeiKepCpM7G4W"
    "fWnqD8ygLLWUWmPoNJo1Gbqon1/4agooJxZljkaQabyCB8p8AwGcUP1DM+Rnq4IsA9Fzyy"
    "G6TJBbl9+iqskL/WCgCZ5b0KxLcdwfPbF4mtL+Hj7Uh3rPgPx21GFVpK+QaoMixfSxsUpX"
    "N3omb2xeugplxzTB5TZWTcv2nmwhVxAHQr+EnUbX6lB/eur2HjsPA/Tx40dEtbibfu/TXf"
    "dmgG77iP4OvnR7n5+emOZGv5iOZoTY9LHut6SMZt8RvtYulLnHGda0VLmDuw8fsNixfnOW"
    "dMXNNgmRLPVfvJopS0S6CNn+muSUQrQr1Kbcox/SN2V2N8umrNM7GU1Y98R8plsf3R9rrd"
    "rQaZ6NLsM7I5h/wEQEO5dszOaQKIQsZwQr7gqxxkzojDVBBGnAsxZVvBvPyJpj3UK1/32G"
    "2y+8jXnPz+fsze6O+zPLuaG7o4Wo7kXVM4uwWianbKoKAkjdZhkffqG7MRhh3F2WKsSWjW"
    "dza6i/Go6moJlB38ae0icohkP54p0w/yLwPeBvDZsTSoMY14KLxiS93knQAGvxFpvVN1m2"
    "mWTdp70tt+jb9F60w/QdPaUB2vKj8h0anhX5vAz3GFBSO90sW9NRujKhumfjBz+g/VrVsf"
    "nGhz4lmH305pVYPzDYlyHoeUUDPZGqidfdXvvhb3xF8ZrjRb3+26DTLo5U8qhOdKIM6GGb"
    "pi7GRmSRTixGwjTHzH625qhJoOz3mUJ1uBa0bo7rcPQA/clyz1k4l00DTnmbCQ4zAzLIqb"
    "7FHuwpVFQAUGr1evXSi2wElYynN+7xycK3JnxrwssifGuC6wXxrRXHHHM0mlQ458uwUxIo"
    "l8mbETIhdOYROiNL37drSDNeqeBlqz9GKbSttX8CVDDM6fhcUJTCK7drlyfI5dh2TO4Gn7"
    "7HRMjEHpNnjymIYntDxXuqt7UdRbVTY0eTgyrL1FvZHS5hGJ83kLTZIMQN3qT/nistqmw2"
    "xhcQ4IlZaCeu+irn69Tw8uyoQgm9rvzcO/fxFaaEvoLz73ShcXCKdu/pmUKpFUqtUG+EUi"
    "u4XhCllh5EhplHpgwIhEiZJeFP9jun5MCX32ulDACf1zIAfF5LBRhuxfoK2WRG0VNyRd9G"
    "iPYH88muxIBdr2JX2ONo/umplCESkUoZOQu2kUrJFnBOgXhBIorIL615Dkglkc1f8pyYL6"
    "pMut5sBwnsytLRoVUVKR1Nn4963+7u3qt29Ge6psl3Ylru904o85H7lWV6/ARGSi/u0OyZ"
    "oLVL4pfUaZyfNUGlrjfDmZjqbOa4MV/e3Cz3UkeA6E8WYo/9BYVSFyw09/Rsn0Dl1Jbe36"
    "OHLP54Rpe0qVIYnp4q6OnJssnc8kKOn56YhkknnWt0FL06NjTNeEWW+8uw/uJia8lTMsMf"
    "56lu778HP0nv8aKdlzAaHJIMfJjqozAaHCPXsxgNXhYHZ5TlqW7AEEWZPIC16kXzonXeuA"
    "gcf8GVZf6+pG+PTm9DMaW8JYLjdCW0GexAnTV0RbV9cS5rgmOUqgRWg30kOUYzSidYk0bY"
    "UnPhHiMTwOcGfkyIFH7VHOBzSAUDcjMgUJLyWNAiRMWwocHzSmNDY6pqHoYEBIIZW2dGxF"
    "KQhykJwmIwp1TWZnoL3j8HVxYUG7GjmEbRveHu+lCoEsb7SSzRCaJkJTivowpBrV7PoBHQ"
    "UakqAbsXw9ozQo3eckEdoRLKVwbl691cV0UDujy+q4Iiu7bzKkPfU25ZKl5ovEf96bcHou"
    "EUFcoDvb2YqUSg/7nTOhnqmKQ28FjcrCzNQ6XDcjbvuCAjPHSa9Sq/bQaCKZGl2g5jJjod"
    "OnSoR1FB8KkBQbajRoN9Gp+dBW678VkVZqtiNlut8QGKR9hoYhrO3PI9Z8xTx61rVKA3E6"
    "G+BTkuKsJrd0T+G+G1O0auZ/Ha5Y2S3G6AZIEaT24/CpX9nwNaf7zQGLOk5RmmLRmmQjhx"
    "6ul1jSNE+/M5n+0K5C04nPeXbRdVSDl60T3W3wYG/LsfjfRdd58l+ij7dlK8ik70u5qgOd"
    "IzN/CjRhWWsWEynjyTN7bwXWKJAe9ptwHfvDEwg9u8yb1vT6kQP5nGyaXYk7hKMr0uxQvB"
    "/bm8jFDo6/FqCEW/fbriFvmm2VU3UIouW83LhVI0MV6IqUNtnoga4xfjm9FVJKtzrP1FUY"
    "HTsu1nOvI1sG0/QChSQpESIrVQpATXhSL13qLMrmV9oUgF4FZrrQzo0lGp8LJ78Rg8bgFa"
    "ALijO7OEMB6LxOMXot2lS9mXiHJKAyf333rdm+7X9t3VQrwa6rfdx8FD92ZwhSLz5uVMIw"
    "tj4htUiC+NpIrrmHLKwl/NlwX1ITFGumkP2nf9zyEGSZ7Yuy1G1bLsT7X0/amW2J9mfi31"
    "zFF8PkEx4pJKFTQG2EpjDU84HEk/MqJUpYuO2dGxATHYmjpTbUnBbxy8l1QvT5IKc1w8/2"
    "NuGjPVovrAWhinUAuY4zBDOPuY5ElcClEIOJPN7/5wVLpBS1TX0/ii+7VhaATraWGiHPp4"
    "BT06wa5w9jWnPRfQ6/fvImfhdTeeQ/Dt/rpDN2m2RdNBqmtyTTIAz+cGfSJYFiUWiJHnIO"
    "QS76gz3jvqUTuoOWNJQT/ynCs+TioWe/bFPjfmjoZN1eaE6KYfjREisYUndhBNxVY+lSZE"
    "IpSarSs1FsGmPJVs8oNjU05P1IuRlUCt2XeSntd5Ucqf3M6hFBtNfKNRyBybrrCRzyuZIB"
    "Q5AMtzABaAJWHOnQlwG5nsMOFdmQiQWGKRSIeHjmuLzJgPEK/3vH5CALfi9GGJ4qlZAeGt"
    "IVlia33M4oW9SrJi07S+zVNO/JlKDJbIz8kKFnnBmrMNrDrBRGWCamtRkfEQvs1iIyOJTg"
    "cVTpA3MjLyTeNxkYtQ02hEZDzaMR4NyYuY3GZEZDJsaIo1Xi2Q3Iz/QucpPc/9L5mV3QDu"
    "Fjgd8CgHj5eGvYbPWk7Ya+woTg97jZ/+mfqJjOssee8MQ2hq64JeITiUFkh1Cyo26fZPFh"
    "oZxjNln99m29IMG1GE3Q+h4FVuC5EdPYZbE9SfDAbQP2Zzwya6/MZ4TRkRG+BHE8u2+kKk"
    "GTaf6TzxMqJRGgV7E9Gfoe0wrImuWBCy9w8RcSsibosrwBxo7KWIuD1GrmeJuC2In7NwHN"
    "+xoxNOQO6vLMVSi3lOtshP6wBBXgIq/DQSVeWwaVtrbE8RwhLuToe7GyUPIV8MzMniEJlg"
    "cKEZvJD414rHDqj36IYFhYr4ay5zNPZ1v/9b5/YKudRD/eZL54ZekLq9KyRPiUwvSqpOr7"
    "d7N527Oxgqw3fWNBjd60uPX/q/0xVhSNaUYrnGqbX9YPqojpdHUIgTli8YKktscHpkcCIu"
    "OK535wCbQ1pCmWz7GVL0SzpEonvQKFc9hDjZWgEKRVva2y7CH2x46xgV4sRbOOILhneZTv"
    "jgFFuH1TFawekiczrkAM4ZeZSkFJ3zojtmyNeSFdQQiQjkErVxdwmn78zJCWmMTMAaN3Fp"
    "Rl5IQyQCzuXRm2EP5Iaxm98scogaVNaozdjvlF/COb69bgHW4y6OvYiGje8J24DWm6akmI"
    "a2wQyYTr3Alw0xXTdI6EAwDcmTGTDF0RjODaHNFxFaTA1gJcBJLahQnZ5/Uw3r+ZbAjnzC"
    "CasK364sC6t6hoH0e7HOxGxohriqVpVgKJCOL6HLstKAf8fNodNonuNw2NNEtWxiEgXBak"
    "XuQ9zy6cxsZAWRURZSdfSq2lOk0r+NVx3JlIzeULHGi7ja/wuIaoQFkSErSMRGHU+UjIiN"
    "OkauZ4mNEiXzdll7nNANMX9b5hiZgDoD1CZ5gRiENXavKKXwxhRns+KnvgiPwa6Mh8JksI"
    "nJIEPft11qsv8NIRo3hqPbTK1KqLKR+5Vluqwb7CG7QzMrs2H9sTXCVapF1ptnvhYJheo1"
    "bNmITY7cSBI0UV+IDiojdjVLUJyQgt9YLg/W3TL3LOiap73u4Ync1CH/Z+IFLCcDxOOJQU"
    "KlFSptcfe9A1VuhEp7jFzPotKKvJPceSciQ+pdMqRAPskfjBujEsXC4pG4QksUWqLQEvnd"
    "0yBEgtc2zQudWNIvjY7IoQwyNyK5DNQxqMwAaUIwHYKDFb1SDhqvv6CnJzd96OkJ6eSF6m"
    "jkh0yIYtEbMp5jWbXf6K1TiriiwhOwhlzp7ANfKdzbk5cqh9xDcZGlmawdsZSQFZMQaqRQ"
    "I4u7MR6oQiHUyGPkehY1UuhE76ITCe1dVI0Qrs/kISSqRpScwb7KkcMSFCbZnxlol4fLli"
    "1Bi7IWGRFdEAizWhxM1ZJkzbB4eK7qWrOg22PLmuDKwfasEYbMraYe2mQ2hyqwOSGNkYks"
    "bmEeXgXp5uZh3rrdAqxg5x2EpjvIBbsS3dgvNnfGkWiWsK+i9iudFZ0fMvHfluu1WAyorH"
    "JfSMQfu4YjY+hcjFsjeuWyGqpJDYKNYxLkRo+RH3RCZBEL+odAcepFlBl4IRT8ttxlscVn"
    "iESrghyVFeFOOCLDsnAnHCPXD8idUDCJTngTCudNeKZvyV+bq2vX+rRF9nSd3Nz1H1kpWm"
    "aUGuqdvw4e2leuYBUXz7Ks2u3XoGV+GWmm6g5P6XucUXkv1YIZpy1Rqc7zWrMRGDHhwzL7"
    "5eN9++4uaVIjurImsFFKAeu7Oy+KiebWzO1UFLJ4dWbSpYQFRQkaOEf32Fo9yyZLR6Xusu"
    "yeMK8LQ3CxTJUFjhMO7MQplrewHXmF4c03yK5ld2vgGuR2NpvjhU3slZBn7S0czhsyhfmd"
    "4BbJnJVFUSL/2FllidvhU/MHDsODPd0kIt+JTFNh0zucPfFArTvCpneMXD8gm17hOL5jo1"
    "7oNMyjwIfIyhQstw31/d0NTiXG9l0tTiXGVcTLbt/m9II1lWqZpsGpdJ7uNYlSbeg8KZhV"
    "L5/vxEXC0W2VY/pYBWBAdswICpucsMkdsE0u2tNgw5DBjP0Mivl732+o4LVpYEXGFre4we"
    "JmZZmlcu5YU2nkj81sqmyO8QUrRlcdOpdnVUyvNEl9YTTUDRvKpY+xrhMFGY6NbAONDU0z"
    "XonJCqbLU0d/tqAegeyYlmE+PaEZfib0ng2V1Z0ZvCHPXrnPR4uAwoJs7xVhfDwiM5QwPh"
    "4j17MYH8lLWnO6dJtjmGY7psbVe+veDI3bLypuq7aWqzp+QFBCO+724aWPs7m96tIBDpGU"
    "EOLa2VmWKJezs/QoF7gXq+3oKCrx1LnMvokQzR5jifzCyrtvZJ8F51Y6zK0Eyr78NMrVxj"
    "5KVcIVvYOeGja2HY5inS1AeUG9x2VtOroOkOVD/OThW6/X7X2+Qh79UL+lksQVUgydxJXB"
    "94lTdnXGXAs+oChdiOIOxA/DxhxzXap7IxgvalfEHRuuCUQyHI60kYpnlEiAOuAZl98nPv"
    "GWaOoLMd9OOOa+4F5lpbVPcYeq2QMTG0qrRf89a4zpv7XLOjO81aABxehs6NTH9Xq47ijT"
    "t8DoBh9MIqtzKlbZV0iewtKiLMI2hEbaVgXNrImqVJB7QFUQMU3D5Nn89v8C3HDFsCYZzC"
    "viEYVJ8JBE1cM0DgmT4DFy/XBMgkn+lskm6OLFIMqNsk8lFP1MHR19qSIHzhGiEsK8fcOV"
    "MSd6vh1jQVG+CgQ7MHK7knYuI8mCpHwIb98KtbSs3xJfzdKyfmVAutbKAnWtlY413Dss82"
    "tSj6O7lbKG9fVrp3fLrK8e/VB/9K9Y/pWHzuDhb66Jltjmmz9qwIbYQ/22c9f93nmAYhOe"
    "pQHqTXxqd+/g0hirGnz+1vPGta/vOlfI0b2x8KVhjvatdNcZDDoPMAtWKIOpzm7SOw/9r1"
    "/Z3KYxn7vlVd//1+gbFHLY2cIkwsoWN10yu0wSzWt1kgpoQLKjugp7leddOC9rtfPzZu3s"
    "vNGqXzSb9dZZgGvy1jKAr7ufAePIeuYkbYD1K5eA7xOU7xyp1euZai/Ul9ReqGf2/f/62O"
    "/l9f0rqmyj/yBNtXa2W4TMgSNH1WxVtz7CY9/DGggQRSwSPtKn9+2/xplwc9e/jpsaYILr"
    "GEPmeJJLo/XHi/Weab2bhPWhznMshknEsRjfoR2LmDkTRUIkooj30jwRQCqJbO48kW/eNA"
    "eJ6Mo0kdByyl1hepe+0R6L+h8Yc1X+xGL9TzhO0uSgykpvqQ2jJTd/IHsll2rzfOg0ZNIa"
    "Os1G62LoXBCocXzZal6CB7PagHrHtSbkMbRCuQt0raoKOC+95yEoemy+QD4Dq7BimG7ZFd"
    "tAE2KzIituuoPFrezyPm/BdZ36Py4Gp3CZCpfpIVmjD9N5Jlymx8j1LC5TdxPOofcEBMK7"
    "lMG79G5SetGALoGYXlBI15bT37nEYr/9ycvE5cnnoburBXMDS0FWb3a5vCFDv5Fq0697GJ"
    "aRW2dnCylYR/02cr2+yJ7ihTB8SsVf78HKB3qLICzLhqPbvyAAHb1OiY6e6c6r82Xyvb+B"
    "SGIuyKYmxO9jEsSE+H2MXM8ifu89+miNffWAg48sZwTvNSJ5e7ZGCXfWtDWBtX/hYFu2Lo"
    "Bbpx97nHgLm1kxjesHuHdxjix9I25zyAW/C81v4XIsiy2jmIgerMvx0d3I2Pf+bGKdW4Yt"
    "Oaiy0rJhhWikCRBlNnC0Rrg2dC4bZ/VY0uQ5+7t5ce6bF6bGK6Jf7Q3NVF39eW4a9EEzFG"
    "zOaEYsi35vcP4xowKWoY0sUYKWD34oMc/K8V6vsdz1GIp9Fg5IYQERurCwgAiuv48D8v2y"
    "VwrH5d2nr5hkRh/npYNkjsMM0YhAzMIEYhZt+ZZALSoopIfq4m3P55oqY+9bJxSi8O3lqp"
    "BJTPKiUlEWL0iye3prlwTiHccNdAo1o+tV+HSGIfoRIiHrI1z9kAx5/MlCoacxJQPrLOqx"
    "guYqqyjt1ZWZ0B8tQS/EtOhArqd3/2/AVX/8iWEA/WM2N2yiy2/SM3kTapBQgw5oYzxQgV"
    "ioQcfI9SxqEN3cZxLsBEmmp2cERohETmCE1dvICYR0/ZSkwGy5/jutdpM89xQTj+2c4J/c"
    "PrQ/DSCJntIO9cdv1/fdwQDS6i1nNFNtG1L0uz3pofO92/n9Cqm65MpiQ73X6dw+Sjf9h4"
    "fOzaDb71G2EaJYFAPTJGxdDPWv7cdHmGyOLQtmeuj8SgfDFZP8kw6Ca/Djom/xO50AGgbT"
    "N3nVYeRNp/vdHSkT9QVGwvdo39x0vrIZdMOWfCPwUF9cD137+vWh/51VKKCSgGm8uCUKvj"
    "1CdQP3O1pQ32AxltGzoXDtttPrutULdBU+33QeBt1P3Ru6YUj3VLC+QjIxbXUMIhqRZlgh"
    "FKvHx29Ao1qWs15Rglq2KthLimDH1X5PMsyh9Ico9qfyV3d1bmxZ5Q9+GevFOERohcu7OK"
    "dyUhiDgiOaqnMOgfRudmGanbey22e01hLGcjrZyRqm3zR3RfgIVfmS67cf46YQWYWtmh7L"
    "2OLt8QPyI2WT55CWoCz5sv2n89fBcikx2H7u+r3P/vC46JhkgLLWWRClFCdBkU+CuL0sx5"
    "7GIRUb2+qNjYrgpuIQCRLK6aTr/MBSphC/tCL/0nx1bw1+x0gFn4vMZ3lK5GfKqxlF31Sx"
    "xqkNtKQYFo94IxPY4XB6J7Yu12gClixJd2Yjntd1Sb8sHvFWzrgCpadcZDHLXKSbZS6Src"
    "k8Q9UaO12MVOx0Rd7pQATxNf7MVoQQzRFbEQIDrcRTbdPhi9PtHMKi/DiWYvhqmM90Xrqw"
    "3vJU4kufQISDxW3DrGs4kZa4jtJE1yhd+TTE7bs1XEcN1ihqZJ5jPSfoxDKOL2PZmM0him"
    "yt6JMYrRBOCi2ceO3ipBmhbEoJwl7t7uZMU+At7OT3bu+2/zs4nHXFeB3q9+3u3RWaYdXt"
    "wJu3cFSWulHpZaMSHR3oIHbM5tfEOKQFZkNhNDHXWb/GXhchFBtdsTe6OTbtWVqLsPQY1g"
    "ShCNqP/XxY/HFOVMM0AtAYoFBUNyeeIRKRah/b3W0yy4lmiEQszqSKy9IIckIaIxOwLs98"
    "CidriOynZdlPsYUVyYB6oGLDQ/dmcJLYELaA66NbCr3rzVZSeENbYQZo2bG+BWw/wzzfF1"
    "GoJQU3LAVlQHchim4B4tvIZCUFOCG8Z0AZRKkt4PvFm+YgRa6VwIbkzRRI05NOIyZcgz4D"
    "+MPxSFx71J9+eyBakCjKR7u9mKk8oEeW5ZJAiZxA+Tml996MJfr9xw1puqUG2cJbwWwQzF"
    "lW1GRjtoXf4wPLErpx5yorVL4nafPlxaYpK0yhLKkNkercLKYq0TafqwpDqE0nXTNOgBgf"
    "1b5OBgb9JwO2kdlKhOx6JSuCw3F56YrwGZqlhEXkFM9Sv6JZPz+HOnrQIaDRrJ/Rf+uXl3"
    "65CCj/4Mw1AytEYe0ATOJY0AxgrGokKI0HvRRVk47wn46MMWsXwPQPXs2KPT2VW6cCRwuD"
    "+NQSW1uiUoWoVHFA5+OB1iwQlSqOkescP2qqFurtxgnOp3dlTxDuL+xql6zedr97HyZ2IQ"
    "FveuhHglAURcxWFNGy6cAJyZvWFyMTaGdEe4pr9UYuoAOKEmK8g6Yn6r84+0Z6cLc3XGzG"
    "3DBY3QbXAUMlx5KN04mFmyXh11Qnqk4PMFAi855+XOISwl6r17OE0dfr6XH0cC9Z6MrhWO"
    "ayV7pyeOkgu6we4VsfcirKJ9++3vXbrPaTP0OWQlZxA8n75Du4RhZpbBp5w5mSlCJGLLbT"
    "hwp55cM2SSmwTeTp+Pa8nNgmKUXY2PKwsZjtdMMQhliJ5sMEeGUoQ3KVFbSKdsj3vNwpEX"
    "VSZ3FLxFzlmRwTtVED2vmcVaGBsQLtfBrjC99F8Do10AzKKELR6kgda3oIMfcAy3WEEtZY"
    "N8D4X3HbFZ8ubMIf6C2FXn3jeij2/HjRPLkgu19FeCKOyCYtPBHHyPUsngh6PBn81ivLKt"
    "UsaEpoHdi+UcYFzDS0XNaYKFUJga42sljG4z+OkGG8EQea6ea5y0ZEqUoI9PatKHRDyQ1z"
    "mEaAnMlUlbcYrahBu0ENWmFhERYWYWFZ18ISDVXnWFYSsexZLCrhMPpMfcpGuAqxlgQ6JV"
    "fPxkOndSlXw23BYFpi/mQhaMloPiOqrIMhYxFd6YZdQlsYxL46xFtGzR/c9mR7e7AwoRRk"
    "e6sIE8oRKdPChHKMXM9iQvG39pxWlBhZCTWi7RtS3jtutmCe5W1Harmj8kYNRalKWCktSw"
    "DnRXr85kUifHNGLItK0XlADpGUcKeon2UxntBRqSCze4kSO4b2Qjib8rVhaATrafvygiwG"
    "9YjS7Qrr4Mp+Zdzrfv8ucs5ed+Omkm/3152H0yqDng5SXXUzuXsI+4mwnwj7yQYRKm76Oj"
    "8oJUhtT7eaGFRTZpVYpUhGfQ6zSa15ybNeuGmogf3CmKu6yqwX7I7/MASFoHMZS3b2uCwJ"
    "sUAukmGF/eTgtrsD1aSF/eQYuZ7FfhLaiRNcT8+4ihCJvCteh2WAKK8yHyEqoaZ5XsugaJ"
    "7XUvVMuBVXM4X5b1/Jba4oyId5dY5ViLzIcJ+0v3596H/vXHmyLhnqt53e366QQvS3uDSd"
    "hRFb7qwgL1y4WeNSQiQiMEUEpry35iEMK3kAPnDDSqTaHce4Eq+Gl8XAEq/Fl7EEWR1MH1"
    "AGrDWSq/RKtdEMR4hYlHvIbYaCsAWGDfJz6EkV9EzmdIDOyn/5Bbt/stAr1ijWKQXIdv9M"
    "EZBSkG2tIgwqR6RaC4PKMXI9i0ElnEyfu+gKh3ZXInuZ2lDntbOU2MSyfb0/fwu/DTv3rS"
    "EoHDC8L1hT3bom/FOCD3GUasPe0EVb0Usg5jSHdqFwdFvltLxYhWBAdtTttUX5QFE+sDwH"
    "ligfuE031sHVVWMbe077AF1od93bK8Roh/pD53v/N6iwZpIX49kr0fa+dn/vTdZQJqOUos"
    "NvcXTHpMnA59Uo10EcpSpfDPj2jwgXMSktx3sV1FKpUr33EA1eECdawVb5JsbmWOd3fgDE"
    "Emt+mEi4JUV/YNEfuMA+3vz9gd/Tk17MXXZTRzp9DdT7dnd3wtl8twDxUbSyjZw6uXuu7j"
    "ROYdE5jhelEOkrlyVGYdHXLnsayGVTof8qhLBwgYtIoIDv+WfpGXRefYJOqz/XP7AcDCQb"
    "szkgqSDLbej9CxphBQZbCJtQ1kLTjFd625lzM0L292QRrlCQc7mCRLjC8TiuRbjCMXI9U/"
    "6HTCWVJMMfZ1jT0k3mPlGZbObntWYjMJfDh2WW8sf79t0dr9tOSnT2skY7ZYrO3oMtSbUk"
    "KmIkIV5aV2BBtLOqAvsMSthPTQFXeJOcOd08eNVG01MOkpQlWNv7zjzwZWeAMZ9DIEkpnA"
    "KrnQJh1PILQUlq4WorjtyTFHeVwOCS08qbIBR23tgPaUplx5yghkiEfycm79gkb7O0EIlY"
    "nMK3c8wd0t41dli4zQrrNgvyIuNb7RZgfXRN4V1vtpKiGzpkMjgklYh/SzjLVuObkDMzoA"
    "xi1Bbw/eJNc5Di1kpgQ7LmFnyQGX3ufZ0MDPrPTjzuhTz1dpO5vlmZP2Kq8vSEV+TPvVNZ"
    "5t3FizGr3LnpWG3ZAZpqoudKUhz7vMeYwi6m7QS0p/s6X4hppVa1SckcWpCUMB9jJ+3Z4U"
    "eVA2FveAnRrWbyiFSXeESqSY8IfaLNFax+fez30rxOAUncTKnKNvoP0lTrgIUrHrgAxnIb"
    "fdwcX4mqZjDBNU8322fI0p//B+kPUbY="
)
