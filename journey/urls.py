from journey import urls_products, urls_words

learning = "netwerken/<slug:slug>/leren/"

urlpatterns = [
    *urls_words.urlpatterns,
    *urls_products.urlpatterns,
]  # fmt: skip
