"""Display tables of the 'Over de gegevens' page."""

from __future__ import annotations

import pandas as pd

from app.formats import waarde_tekst
from geo.bundel import Wijkdata


def cijfertabel(data: Wijkdata) -> pd.DataFrame:
    """Every figure the app knows, source and derived, with Dutch labels and formatted values."""
    t = data.indicatoren
    return pd.DataFrame({
        "Gebied": t["gebiedscode"].map(lambda c: data.gebieden.loc[c, "naam"]),
        "Code": t["gebiedscode"],
        "Niveau": t["niveau"],
        "Indicator": t["indicator"].map(lambda i: data.definities[i].label),
        # the definition's unit, as on the map and in the buurt panel
        "Waarde": [
            waarde_tekst(w, data.definities[i].eenheid, q)
            for w, i, q in zip(t["waarde"], t["indicator"], t["kwalificatie"], strict=True)
        ],
        "Peiljaar": t["peiljaar"],
        "Afgeleid": t["afgeleid"].map({True: "ja", False: "nee"}),
        "Bron": t["bron"],
        "Opmerking": t["opmerking"],
    })
