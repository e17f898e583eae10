"""What is kept between runs: profiles, secrets, settings and the mailbox (a Qt-free zone)."""
