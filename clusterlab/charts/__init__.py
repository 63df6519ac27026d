"""Charts of the book, drawn with Altair in the reader's language: one module per subject, on a shared
base (:mod:`clusterlab.charts.base`: theme, renderer, prepared charts). Every chart is importable from here.
"""

from __future__ import annotations

from clusterlab.charts.base import HEIGHT, WIDTH, Prepared, js_string
from clusterlab.charts.consortium import consortium_chart, consortium_table
from clusterlab.charts.diffusion import diffusion_chart, diffusion_data
from clusterlab.charts.gvc import gvc_chart
from clusterlab.charts.lockin import ARTHUR_RETURNS, ARTHUR_SPAN, arthur_chart, arthur_data, urn_chart, urn_data
from clusterlab.charts.markets import MARKET_HOMES, markets_chart, markets_data
from clusterlab.charts.measures import dartboard_chart, lq_chart
from clusterlab.charts.neg import NEG_MODELS, NEG_PRESETS, neg_chart, neg_data
from clusterlab.charts.policy import POLICY_DECLINES, POLICY_EFFECTS, POLICY_STRENGTHS, policy_chart, policy_data
from clusterlab.charts.pooling import pooling_chart, pooling_data
from clusterlab.charts.porter import diamond_chart, profile_chart, profile_data
from clusterlab.charts.tiles import tiles_chart, tiles_table
from clusterlab.charts.trade import MAGHREB, TRADE_PARTNERS, maghreb_chart, maghreb_trade, trade_chart, trade_shares

__all__ = [
    "ARTHUR_RETURNS",
    "ARTHUR_SPAN",
    "HEIGHT",
    "MAGHREB",
    "MARKET_HOMES",
    "NEG_MODELS",
    "NEG_PRESETS",
    "POLICY_DECLINES",
    "POLICY_EFFECTS",
    "POLICY_STRENGTHS",
    "Prepared",
    "TRADE_PARTNERS",
    "WIDTH",
    "arthur_chart",
    "arthur_data",
    "consortium_chart",
    "consortium_table",
    "dartboard_chart",
    "diamond_chart",
    "diffusion_chart",
    "diffusion_data",
    "gvc_chart",
    "js_string",
    "lq_chart",
    "maghreb_chart",
    "maghreb_trade",
    "markets_chart",
    "markets_data",
    "neg_chart",
    "neg_data",
    "policy_chart",
    "policy_data",
    "pooling_chart",
    "pooling_data",
    "profile_chart",
    "profile_data",
    "tiles_chart",
    "tiles_table",
    "trade_chart",
    "trade_shares",
    "urn_chart",
    "urn_data",
]
