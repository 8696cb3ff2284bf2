""" "Tugas saya": what waits for each person (values to fill, reports returned or waiting for them,
surveys and drafts to finish), shown on the home page and sent as reminders."""
