"""The rights of people met on visits: finding what is held about a name, erasing it."""
