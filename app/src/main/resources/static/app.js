// Upvotes without a page reload. Without JavaScript the vote forms post and come back as usual.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.matches('form.vote')) {
    return;
  }
  event.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: {
        'Accept': 'application/json',
        'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content,
      },
      body: new URLSearchParams(new FormData(form)),
    });
    if (response.status === 401) {
      location.href = '/signin?next=' + encodeURIComponent(location.pathname + location.search);
      return;
    }
    if (!response.ok) {
      form.submit(); // let the server's page say what went wrong
      return;
    }
    const vote = await response.json();
    // the same paper may be on the page twice (a card and its similar papers)
    document.querySelectorAll('form.vote[action="' + form.getAttribute('action') + '"] button')
      .forEach((b) => {
        b.querySelector('.count').textContent = vote.upvotes;
        b.classList.toggle('upvoted', vote.upvoted);
        b.setAttribute('aria-pressed', String(vote.upvoted));
        b.title = vote.upvoted ? 'Remove your upvote' : 'Upvote';
      });
  } finally {
    button.disabled = false;
  }
});
