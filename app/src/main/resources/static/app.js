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

// The theme toggle without a reload: the server still remembers the choice in its cookie.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.matches('form.theme') || !event.submitter) {
    return;
  }
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form));
  body.set('theme', event.submitter.value);
  const response = await fetch(form.action, {
    method: 'POST',
    headers: {
      'Accept': 'application/json',
      'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content,
    },
    body,
  });
  if (response.ok) {
    document.documentElement.dataset.theme = event.submitter.value;
  } else {
    form.submit();
  }
});

// Keys: / search, j and k move between cards, u upvotes the selected one, ? lists the keys.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key === 'Escape' && target.matches && target.matches('input, textarea, select')) {
    target.blur();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented
      || target.isContentEditable || (target.matches && target.matches('input, textarea, select'))
      || document.querySelector('dialog[open]')) {
    return;
  }
  const cards = Array.from(document.querySelectorAll('article.card'));
  const selected = document.querySelector('article.card.selected');
  const select = (card) => {
    if (selected) {
      selected.classList.remove('selected');
    }
    card.classList.add('selected');
    const link = card.querySelector('.title a');
    link.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  };
  switch (event.key) {
    case '/': {
      const box = document.querySelector('.search-form input[name=q]')
        || document.querySelector('.search-box input[name=q]');
      if (box) {
        event.preventDefault();
        box.focus();
        box.select();
      }
      break;
    }
    case 'j':
    case 'k': {
      if (cards.length === 0) {
        return;
      }
      const at = cards.indexOf(selected);
      const next = event.key === 'j'
        ? (at < 0 ? 0 : Math.min(at + 1, cards.length - 1))
        : (at < 0 ? 0 : Math.max(at - 1, 0));
      select(cards[next]);
      break;
    }
    case 'u':
      if (selected) {
        selected.querySelector('form.vote button').click();
      }
      break;
    case '?':
      document.getElementById('keys').showModal();
      break;
    default:
      return;
  }
});

// "Copy BibTeX": the entry is in a <pre> beside the button (selectable without scripts); the button
// appears only when a script can copy, and says whether the clipboard took it
for (const button of document.querySelectorAll('button.copy-bibtex')) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('.copied');
  if (!source || !navigator.clipboard) {
    continue;
  }
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent);
      status.textContent = 'Copied.';
    } catch (e) {
      window.getSelection().selectAllChildren(source);
      status.textContent = 'Select the entry and copy it.';
    }
  });
}
