"""What findings say, in Polish and in English (see :mod:`opsreform.messages.catalog`)."""

from opsreform.messages.catalog import KIND_SINGULAR, KIND_WORDS, ROLE_WORDS, Lang, Message, say

__all__ = ["KIND_SINGULAR", "KIND_WORDS", "ROLE_WORDS", "Lang", "Message", "say"]
