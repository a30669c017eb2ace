"""kg: knowledge graphs of people, bodies, honors and dated events from Chinese news."""

__version__ = "0.1.0"


def __getattr__(name: str):
    # The API is imported lazily so `import kg` stays cheap (no spaCy/jionlp at import).
    import importlib

    if name.startswith("__") or name == "api":
        raise AttributeError(name)
    api = importlib.import_module("kg.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(name)
