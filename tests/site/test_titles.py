"""Every page's <title> and og:title: "Surgery – Secondary cancer in the liver – <publisher>" for a topic's
pages (the topic once, when the title names it already), "Glossary – <publisher>" for the site's own."""

import yaml

from conftest import ROOT, TOPIC, plan_for

PUBLISHER = yaml.safe_load((ROOT / "content" / "site.yaml").read_text("utf-8"))["publisher"]
TOPIC_TITLE = "Secondary cancer in the liver"


def test_every_pages_title_and_link_preview_name_the_page_its_topic_and_the_publisher(real_site):
    titles = {"/" + page.src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/": page.title
              for page in plan_for(ROOT / "content", judge_text=False).pages}
    titles["/"] = titles.pop("//")
    checked = 0
    for url in real_site.urls():
        page = real_site.page(url)
        if url == "/404.html":
            continue
        title = titles.get(url) or page.h1.get_text(" ", strip=True)
        names_topic = url.startswith((f"/{TOPIC}/", f"/for-clinics/{TOPIC}/", f"/editors/statements/{TOPIC}/"))
        if names_topic and TOPIC_TITLE.casefold() not in title.casefold():
            expected = f"{title} – {TOPIC_TITLE} – {PUBLISHER}"
        else:
            expected = f"{title} – {PUBLISHER}"
        assert page.title.string == expected, url
        preview = page.find("meta", attrs={"property": "og:title"})
        if preview is not None:
            assert preview["content"] == expected, url
            checked += 1
    assert checked > 20
    assert real_site.page(f"/{TOPIC}/treatments/surgery/").title.string == \
        f"Surgery – Secondary cancer in the liver – {PUBLISHER}"
