"""Importeren en exporteren: files of acties and meldingen, checked before storing (inloggen nodig)."""

from app import invoer_view, toegang
from app import settings as s
from app.data import wijkdata

winkel, gebruiker = toegang.beheerpagina(s.PAGINA_BEHEER_IMPORT)
invoer_view.toon(wijkdata(), winkel, gebruiker)
