"""Personal data under control: the contact persons across all networks, what is held about one
of them (GDPR art. 15) and erasing them everywhere (art. 17), backups included.

The top room of the core: may import every room below it (it uses :mod:`db.storage` and
:mod:`db.model`). The pure rules (who is the same person, what a mention is, how a record loses
a person or all personal data) are :mod:`db.model.personal_data`; taking personal data out of an
export needs only that and :mod:`db.storage.personal_names`, so the exporters below stay below.
"""
