"""Charts of the book, drawn with Altair in the reader's language: one module per subject, on a shared
base (``clusterlab.charts.base``: theme, renderer, prepared charts). Every chart is importable from here.
"""

from __future__ import annotations

from clusterlab.charts.base import HEIGHT, WIDTH, Prepared, js_string
from clusterlab.charts.consortium import consortium_chart, consortium_table
from clusterlab.charts.diffusion import diffusion_chart
from clusterlab.charts.evidence import forest_chart, melitz_chart, published_rows
from clusterlab.charts.gravity import gravity_chart, gravity_data
from clusterlab.charts.gvc import gvc_chart
from clusterlab.charts.lockin import arthur_chart, urn_chart
from clusterlab.charts.maps import lq_map, maghreb_map, markets_map, region_map
from clusterlab.charts.markets import MARKET_HOMES, markets_chart, markets_data
from clusterlab.charts.measures import dartboard_chart, lq_chart
from clusterlab.charts.neg import neg_chart
from clusterlab.charts.policy import policy_chart
from clusterlab.charts.pooling import pooling_chart
from clusterlab.charts.porter import diamond_chart, profile_chart, profile_data
from clusterlab.charts.tiles import tiles_chart, tiles_table
from clusterlab.charts.trade import MAGHREB, TRADE_PARTNERS, maghreb_chart, maghreb_trade, trade_chart, trade_shares

__all__ = [
    "HEIGHT",
    "MAGHREB",
    "MARKET_HOMES",
    "Prepared",
    "TRADE_PARTNERS",
    "WIDTH",
    "arthur_chart",
    "consortium_chart",
    "consortium_table",
    "dartboard_chart",
    "diamond_chart",
    "diffusion_chart",
    "forest_chart",
    "gravity_chart",
    "gravity_data",
    "gvc_chart",
    "js_string",
    "lq_chart",
    "lq_map",
    "maghreb_chart",
    "maghreb_map",
    "maghreb_trade",
    "markets_chart",
    "markets_data",
    "markets_map",
    "melitz_chart",
    "published_rows",
    "neg_chart",
    "policy_chart",
    "pooling_chart",
    "profile_chart",
    "profile_data",
    "region_map",
    "tiles_chart",
    "tiles_table",
    "trade_chart",
    "trade_shares",
    "urn_chart",
]
