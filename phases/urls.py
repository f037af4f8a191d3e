from phases import urls_learning, urls_products, urls_words

urlpatterns = [
    *urls_learning.urlpatterns,
    *urls_words.urlpatterns,
    *urls_products.urlpatterns,
]
