"""Demo knowledge for Northwind Cloud (starter; extended by the offline-provider work)."""

FAQS: list[dict] = [
    {
        "question": "How do I reset my password?",
        "answer": "Open the sign-in page, choose **Forgot password**, and enter your email. We send a reset link that works for one hour.",
        "alternatives": ["I forgot my password", "reset password", "can't remember my password"],
        "tags": ["account", "password"],
    },
]
ARTICLES: list[dict] = [
    {
        "slug": "api-rate-limits-429",
        "title": "API rate limits and HTTP 429",
        "summary": "Why the API answers 429 Too Many Requests and how to stay under the limits.",
        "body": "1. Read the `Retry-After` header and wait that long.\n2. Back off exponentially.",
        "tags": ["api", "429", "rate limit"],
    },
]
