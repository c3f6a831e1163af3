"""Who a page is written for, as its front matter's `audience` says. Pages are for patients unless
they name another audience: only patients' pages get glossary links and are measured."""

PATIENTS = "patients"
EDITORS = "editors"
CLINICS = "clinics"
