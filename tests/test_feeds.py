

def test_story_is_read_back_from_a_rendered_page():
    from guongsang.feeds import story_of

    page = ('<article class="gs-exemplar"><section class="gs-story">\n<h2 data-pagefind-ignore>Câu chuyện</h2>\n'
            '<p>Đoạn <em>một</em>.</p>\n<h2>Phần hai</h2><p>Hai.</p>\n  </section>\n'
            '<section class="gs-sources"><h2>Nguồn</h2></section></article>')
    assert story_of(page) == "<p>Đoạn <em>một</em>.</p>\n<h2>Phần hai</h2><p>Hai.</p>"
    assert story_of("<article>Không có câu chuyện</article>") is None
