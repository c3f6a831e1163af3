"""The diagnosis code systems a topic can list, as record systems name them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeSystem:
    name: str
    oid: str  # the HL7 identifier record systems send as mainSearchCriteria.v.cs
    # Other identifiers whose codes are written the same way: ICD-10-CM extends ICD-10, and US record systems
    # send its identifier for the ICD-10 categories topics list.
    also_oids: tuple[tuple[str, str], ...] = ()  # (name, oid)
    # ICD-10 codes name their category in the first three characters: C78.70 falls under C78.7, then C78.
    has_categories: bool = False

    @property
    def oids(self) -> tuple[tuple[str, str], ...]:
        """Every (name, identifier) an infobutton request may send for this system, its own first."""
        return ((self.name, self.oid), *self.also_oids)


CODE_SYSTEMS = {
    "icd10": CodeSystem("ICD-10", "2.16.840.1.113883.6.3", also_oids=(("ICD-10-CM", "2.16.840.1.113883.6.90"),),
                        has_categories=True),
    "snomed": CodeSystem("SNOMED CT", "2.16.840.1.113883.6.96"),
}


@dataclass(frozen=True)
class Code:
    """One of a topic's diagnosis codes."""

    system: str  # a key of CODE_SYSTEMS
    code: str
