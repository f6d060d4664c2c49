"""Acties bijhouden: toevoegen, wijzigen, verwijderen (inloggen nodig)."""

from app import beheer_view, toegang
from app import settings as s
from app.data import bij_opslagfout, wijkdata

winkel, gebruiker = toegang.beheerpagina(s.PAGINA_BEHEER_ACTIES)
with bij_opslagfout():
    beheer_view.toon(wijkdata(), winkel, gebruiker, "actie")
