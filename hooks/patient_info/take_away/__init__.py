"""What is made from the built site for people to take away: the printable summaries as PDFs."""
