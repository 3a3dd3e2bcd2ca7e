from support import SOURCE, load


def test_seed_parses():
    programme = load(SOURCE)
    assert len(programme.days) == 2
