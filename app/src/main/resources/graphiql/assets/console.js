// GraphiQL for the local profile. The API takes HTTP Basic; the credentials typed into the sign-in
// form stay in this page's memory (never in storage, never in the page), and every request GraphiQL
// makes carries them. Signing out or reloading the page forgets them.
(function () {
    'use strict';

    const endpoint = '/graphql';
    const form = document.getElementById('sign-in');
    const message = document.getElementById('sign-in-message');

    function basicAuthorization(username, password) {
        // btoa takes Latin-1 only: send the UTF-8 bytes (RFC 7617, charset="UTF-8")
        const bytes = new TextEncoder().encode(username + ':' + password);
        return 'Basic ' + btoa(String.fromCharCode(...bytes));
    }

    function post(authorization, body, extraHeaders) {
        return fetch(endpoint, {
            method: 'POST',
            // no cookies and no browser-kept credentials: a 401 then never opens the browser's own prompt
            credentials: 'omit',
            cache: 'no-store',
            headers: Object.assign({}, extraHeaders, {
                'Content-Type': 'application/json',
                'Accept': 'application/graphql-response+json, application/json',
                'Authorization': authorization
            }),
            body: JSON.stringify(body)
        });
    }

    form.addEventListener('submit', async function (event) {
        event.preventDefault();
        const username = form.elements.username.value;
        const authorization = basicAuthorization(username, form.elements.password.value);
        form.elements.password.value = '';
        message.textContent = '';
        let response;
        try {
            response = await post(authorization, {query: '{ __typename }'});
        } catch (e) {
            message.textContent = 'The server cannot be reached.';
            return;
        }
        if (response.status === 401) {
            message.textContent = 'Wrong user name or password.';
            return;
        }
        if (!response.ok) {
            message.textContent = 'The server answered ' + response.status + '.';
            return;
        }
        start(username, authorization);
    });

    document.getElementById('sign-out').addEventListener('click', function () {
        window.location.reload();
    });

    function start(username, authorization) {
        document.getElementById('sign-in-page').hidden = true;
        document.getElementById('signed-in-as').textContent = username;
        document.getElementById('signed-in').hidden = false;
        const container = document.getElementById('graphiql');
        container.hidden = false;
        // headers typed into GraphiQL's own Headers tab go along; the signed-in user's Authorization wins
        const fetcher = async function (params, options) {
            const response = await post(authorization, params, options && options.headers);
            return response.json();
        };
        ReactDOM.createRoot(container).render(React.createElement(GraphiQL, {
            fetcher: fetcher,
            defaultQuery: '# Signed in as ' + username + '. Press Ctrl-Enter to run a query.\n'
                + '{\n  portfolios(first: 5) {\n    edges { node { id name status } }\n  }\n}\n'
        }));
    }
})();
