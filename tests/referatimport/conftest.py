import pytest

from referatimport.parse import parse_protocol
from tests.referatimport.seeds import seed


@pytest.fixture(scope="module")
def m001():
    """Seed 001 (12-03-2014) as the parser reads it."""
    return parse_protocol(seed("001"))


@pytest.fixture(scope="module")
def m003():
    """Seed 003 (13-05-2015) as the parser reads it."""
    return parse_protocol(seed("003"))
