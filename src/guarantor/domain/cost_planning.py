"""The cost parameters of a scenario (``costs:``): what the guarantee costs and who pays.

Each parameter carries its default, a help line and the reference its default
comes from, as in ``guarantor.domain.scenario``; ``guarantor scenario show``
lists them. Amounts are per year, in the currency and price year named here;
euro figures are converted with the registry's rate table.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from guarantor.domain.parameters import PROJECT, param

__all__ = ["CostPlanning", "PricedItem"]

KIEL_2025 = (
    "Kiel Institute, Ukraine Support Tracker (release of Feb 2025, "
    "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/): military aid "
    "allocated by all donors Jan 2022 - Dec 2024 about EUR 126bn (Europe about 62bn, the US "
    "about 64bn), i.e. about EUR 42bn a year"
)
TEN_YEARS = (
    "the bilateral security agreements signed with Ukraine since Jan 2024 run for ten years "
    "(registry instruments, e.g. GBR-2024-01-12); the debated estimate of about USD 30bn for a "
    "40,000-strong force is also over ten years"
)


class PricedItem(BaseModel):
    """One paid service, priced per year (e.g. US air cover paid for by the payers)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")
    usd_m_per_year: float = Field(ge=0)
    reference: str = Field(min_length=1)


def _us_support() -> tuple[PricedItem, ...]:
    return (
        PricedItem(
            name="air_cover",
            usd_m_per_year=4150.0,
            reference="US DoD cost reporting for Operation Inherent Resolve (2015): an average "
            "daily cost of about USD 11.4m for an air campaign with its ISR, x 365; standing "
            "air cover over a ceasefire line likely costs less",
        ),
        PricedItem(
            name="intelligence",
            usd_m_per_year=1000.0,
            reference="project estimate: two to three ISR orbits flown round the clock plus "
            "imagery and analysis; no published price for the service to Europe exists",
        ),
        PricedItem(
            name="logistics",
            usd_m_per_year=500.0,
            reference="project estimate: strategic airlift and sustainment support on call; no "
            "published price exists",
        ),
    )


class CostPlanning(BaseModel):
    """Parameters of the cost model ``costs.model.v1`` and the default sharing key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = param(
        "costs.gdp_share.v1",
        "Sharing key: costs.gdp_share.v1, costs.nato_common_funding.v1, "
        "costs.participants_pay.v1, costs.ability_to_pay.v1, or a user key file (YAML/CSV).",
        "the keys debated: GDP shares, NATO's common-funding formula, 'costs lie where they "
        "fall' (NATO's rule for national contingents), and capped ability to pay",
    )
    years: int = param(10, "Horizon in years.", TEN_YEARS, gt=0, le=100)
    currency: Literal["USD"] = param(
        "USD", "Currency of every amount.", "the registry's GDP and SIPRI figures are in USD"
    )
    price_year: int = param(
        2024,
        "Price year: GDP, defence budgets and exchange rates of this year; no inflation "
        "adjustment is applied to older cost estimates.",
        "the states table's GDP (World Bank) and defence budgets (SIPRI) are 2024 figures",
        ge=1999,
        le=2100,
    )
    basis: Literal["incremental", "full"] = param(
        "incremental",
        "Cost per deployed soldier-year: 'incremental' (what deploying adds to keeping the "
        "troops at home) or 'full' (the whole cost of the deployed soldier).",
        "payers fund the mission, not the armies they keep anyway; 'full' is the upper bound",
    )
    cost_per_soldier_year_usd: float | None = param(
        None,
        "Override of the cost per deployed soldier-year in USD (None: the registry factor "
        "of the basis, with its low-high range).",
        "registry factors incremental_cost_per_soldier_year_usd_m and cost_per_soldier_year_usd_m",
        gt=0,
    )
    deploy_up_to_requirement: bool = param(
        True,
        "Cost the troops deployed: the sustained force up to the requirement (the mission "
        "needs no more); false: the whole sustained force.",
        PROJECT,
    )
    enabler_share: float = param(
        0.25,
        "Headquarters, medical, logistics and European air and ISR enablers, as a share of "
        "the troop cost.",
        PROJECT + "; a quarter, about the support share of a deployed brigade-sized force",
        ge=0,
        le=2,
    )
    tour_months: int = param(
        6,
        "Length of a tour: every tour the deployed force is swapped.",
        "six-month tours (UK harmony guideline, registry factor rotation_ratio)",
        ge=1,
        le=24,
    )
    rotation_cost_per_soldier_usd: float = param(
        5000.0,
        "Moving and preparing one soldier for one tour (transport both ways, mission "
        "training) in USD.",
        PROJECT + "; of the order of a charter seat each way plus two weeks' mission training",
        ge=0,
    )
    us_support: tuple[PricedItem, ...] = param(
        _us_support(),
        "US enablers paid for by the payers, counted when the scenario's us_backstop holds.",
        "Washington's line in 2025: Europe carries the lion's share and pays for US support; "
        "prices per item in each item's reference",
    )
    military_aid_eur_m_per_year: float = param(
        42000.0,
        "Military aid to Ukraine's own forces each year (EUR million, converted at the price "
        "year's rate): the first layer of every guarantee plan.",
        KIEL_2025,
        ge=0,
    )
    frozen_asset_income_eur_m_per_year: float = param(
        3000.0,
        "Offset: income from immobilised Russian central-bank assets each year (EUR million).",
        "Council of the EU, 21 May 2024: windfall profits of immobilised Russian assets, about "
        "EUR 2.5-3bn a year; since Oct 2024 they service the G7's USD 50bn ERA loans, so 0 is "
        "the cautious reading",
        ge=0,
    )
    eu_instruments_eur_m_per_year: float = param(
        5000.0,
        "Offset: EU instruments paying for military aid each year (EUR million).",
        "Council of the EU, 18 Mar 2024: Ukraine Assistance Fund of EUR 5bn under the European "
        "Peace Facility for 2024",
        ge=0,
    )
    cap_share_of_gdp: float | None = param(
        0.0025,
        "Ability-to-pay key: no state pays more than this share of its GDP a year (None: no cap).",
        "Estonia's proposal (2023-24) that every ally give 0.25% of GDP a year to Ukraine",
        gt=0,
        le=1,
    )
    cap_share_of_defence_budget: float | None = param(
        0.1,
        "Ability-to-pay key: no state pays more than this share of its defence budget a year "
        "(None: no cap).",
        PROJECT + "; a tenth of a defence budget is about what the largest European donors "
        "gave Ukraine a year in 2023-24",
        gt=0,
        le=1,
    )

    @field_validator("us_support")
    @classmethod
    def _unique(cls, value: tuple[PricedItem, ...]) -> tuple[PricedItem, ...]:
        names = [item.name for item in value]
        if len(names) != len(set(names)):
            raise ValueError("us_support items need distinct names")
        return value
