"""The diagnosis code systems a topic can list, as record systems name them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeSystem:
    name: str
    oid: str  # the HL7 identifier record systems send as mainSearchCriteria.v.cs


CODE_SYSTEMS = {
    "icd10": CodeSystem("ICD-10", "2.16.840.1.113883.6.3"),
    "snomed": CodeSystem("SNOMED CT", "2.16.840.1.113883.6.96"),
}
