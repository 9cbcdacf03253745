"""Personal data under control: the contact persons across all networks, what is held about
one of them (GDPR art. 15) and erasing them everywhere (art. 17). Uses the rooms below it."""
