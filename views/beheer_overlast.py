"""Overlastmeldingen en hotspots bijhouden (inloggen nodig)."""

from app import beheer_view, toegang
from app import settings as s
from app.data import bij_opslagfout, wijkdata

winkel, gebruiker = toegang.beheerpagina(s.PAGINA_BEHEER_OVERLAST)
with bij_opslagfout():
    beheer_view.toon(wijkdata(), winkel, gebruiker, "hotspot")
