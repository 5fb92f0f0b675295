"""An aiosmtpd handler for tests: refuses every message with a transient 451 until a flag file exists, then
stores messages in a Maildir like aiosmtpd.handlers.Mailbox. Each refusal appends a line to <maildir>.refusals.

    PYTHONPATH=Tests/Support python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c refusing_smtp.RefusingMailbox MAILDIR FLAG_FILE
"""
import os

from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    def __init__(self, mail_dir, flag_file):
        super().__init__(mail_dir)
        self.flag_file = flag_file

    async def handle_DATA(self, server, session, envelope):
        if not os.path.exists(self.flag_file):
            with open(str(self.mail_dir) + ".refusals", "a") as log:
                log.write(",".join(envelope.rcpt_tos) + "\n")
            return "451 4.3.0 Servicio no disponible temporalmente, reintente mas tarde"
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 2:
            parser.error("RefusingMailbox needs MAILDIR and FLAG_FILE")
        return cls(args[0], args[1])
