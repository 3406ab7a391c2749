import datetime

import pytest

from kerne import danish


def test_long_date_reads_like_the_protocol_footer():
    assert danish.long_date(datetime.date(2014, 3, 12)) == "onsdag den 12. marts 2014"
    assert danish.long_date(datetime.date(2015, 5, 13)) == "onsdag den 13. maj 2015"


def test_klokken_has_no_zero_padding_on_the_hour():
    assert danish.klokken(datetime.time(7, 30)) == "Kl. 7:30"
    assert danish.klokken(datetime.time(15, 5)) == "Kl. 15:05"


def test_numeric_date_is_zero_padded():
    assert danish.numeric_date(datetime.date(2014, 2, 5)) == "05-02-2014"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["Agnete Fog"], "Agnete Fog"),
        (["A", "B"], "A og B"),
        (["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"],
         "Nikolaj Bührmann, Erling Petersen og Gurli Nielsen"),
    ],
)  # fmt: skip
def test_join_names(names, expected):
    assert danish.join_names(names) == expected


def test_working_days_skip_weekends_and_easter():
    # Meeting Wednesday 8 April 2015, after Easter: Mon 6 (2. påskedag), Fri 3 (langfredag)
    # and Thu 2 (skærtorsdag) are holidays, so 4 working days back is Monday 30 March.
    assert danish.working_days_before(datetime.date(2015, 4, 8), 4) == datetime.date(2015, 3, 30)
    # An ordinary week: Wednesday 13 May 2015 -> Thursday 7 May.
    assert danish.working_days_before(datetime.date(2015, 5, 13), 4) == datetime.date(2015, 5, 7)


def test_slug_transliterates_danish_letters():
    assert danish.slugify("ØU Børn og Skole 2014-2017") == "oeu-boern-og-skole-2014-2017"
    assert danish.slugify("Ældreråd å") == "aeldreraad-aa"
