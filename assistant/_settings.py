"""All configuration, in one place: read from `ILO_QA_*` environment variables (or passed
explicitly); lower layers receive plain values and never read the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Retriever = Literal["hybrid", "dense", "bm25", "naive"]


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ilo-qa"


class Settings(BaseSettings):
    """Everything a user can change without editing code."""

    model_config = SettingsConfigDict(env_prefix="ILO_QA_", extra="ignore")

    home: Path = Field(
        default_factory=_default_home,
        description="Where the built index and ingested documents live (ILO_QA_HOME). "
        "The shipped corpus/ is never written to.",
    )
    embedder: str = Field(
        default="e5-small-q4",
        description="'e5-small-q4' (multilingual-e5-small 4-bit, bundled) or "
        "'st:<sentence-transformers model name or local folder>'.",
    )
    retriever: Retriever = Field(
        default="hybrid", description="Retrieval mode: hybrid, dense, bm25 or naive."
    )
    k: int = Field(default=5, ge=1, le=50, description="How many paragraphs to retrieve and cite.")
    max_question_chars: int = Field(
        default=1000, ge=10, description="Longer questions are refused with a clear message."
    )
    llm_base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible chat endpoint; when set, answers are written by it.",
    )
    llm_model: str = Field(default="", description="Model name sent to the chat endpoint.")
    llm_api_key: str = Field(default="", description="API key for the chat endpoint, if any.")
    llm_timeout: float = Field(default=30.0, gt=0, description="Seconds to wait for the LLM.")

    @field_validator("home")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()

    @property
    def index_dir(self) -> Path:
        return self.home / "index"
