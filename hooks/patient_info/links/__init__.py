"""Stage 2: the catalogue of every linkable address and what is made from it: each page's <head>,
redirects from old addresses, links.json and the code answers, QR codes and their file cache."""
