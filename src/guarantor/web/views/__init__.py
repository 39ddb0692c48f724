"""The dashboard's view data: small pure functions from model results to the dicts a
page and its JSON twin both show (the HTML is rendered from the very dict the API returns)."""
