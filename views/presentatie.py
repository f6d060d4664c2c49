"""Presentatie: the programme step by step for a partnerbijeenkomst on a projector."""

from app import presentatie_view, url_state
from app import settings as s

stappen = presentatie_view.alle_stappen()
parameters = presentatie_view.url_parameters(len(stappen))
url_state.herstel(s.PAGINA_PRESENTATIE.pad, parameters)
presentatie_view.toon(stappen)
url_state.bewaar(parameters)
