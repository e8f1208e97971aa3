"""Model policies: action code written by a vision-language model, local or behind a server.

``hf:PATH`` (:mod:`.hf_backend`) runs a local transformers model; ``openai:URL``
(:mod:`.openai_backend`) asks an OpenAI-compatible server (NIM, vLLM, Ollama). Both drive the
same loop (:class:`.chat.ChatPolicy`) with the same prompts (:mod:`.prompting`).
"""

from __future__ import annotations

from .chat import ChatBackend, ChatPolicy
from .prompting import chat_messages, extract_code, system_prompt

__all__ = ["ChatBackend", "ChatPolicy", "chat_messages", "extract_code", "system_prompt"]
