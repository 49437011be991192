"""Personal data never reaches the logs in clear."""

from app.logging import mask_personal_data


def test_id_numbers_phones_and_secrets_are_masked_anywhere_in_an_event():
    event = mask_personal_data(None, "info", {
        "event": "login for 110108199003071234 from 13800138000",
        "password": "hunter2",
        "id_number": "11010819900307123X",
        "context": {"phone": "13912345678", "items": ["call 13700001111"]},
    })
    assert event["event"] == "login for 1101**********1234 from 138****8000"
    assert event["password"] == "***"
    assert event["id_number"] == "1101**********123X"
    assert event["context"] == {"phone": "139****5678", "items": ["call 137****1111"]}
