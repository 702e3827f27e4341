"""SMTP sink for Renkei's tests.

aiosmtpd (Debian's python3-aiosmtpd) speaks real SMTP on loopback; this handler writes each
message it accepts as one JSON file (envelope, headers, decoded plain-text body, raw message)
into a directory, so that tests can read what a recipient would read.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.JsonDirectory DIRECTORY
"""
import email
import json
import os
import uuid
from email import policy


class JsonDirectory:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.JsonDirectory takes one argument: the directory")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "subject": str(message["subject"] or ""),
            "messageId": str(message["message-id"] or ""),
            "body": body.get_content() if body is not None else "",
            "raw": raw.decode("utf-8", "replace"),
        }
        name = uuid.uuid4().hex
        temporary = os.path.join(self.directory, "." + name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(temporary, os.path.join(self.directory, name + ".json"))
        return "250 Message accepted for delivery"
