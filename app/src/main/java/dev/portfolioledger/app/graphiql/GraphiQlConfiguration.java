package dev.portfolioledger.app.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Duration;

/**
 * GraphiQL at {@code /graphiql}, served whole by the app: the page, its script and the React and
 * GraphiQL bundles from the webjars, so that it works without internet access (Spring GraphQL's
 * own GraphiQL page loads them from a CDN). On where {@code portfolio.graphiql.enabled} is true:
 * the local profile. The Content-Security-Policy lets the page load and connect to this origin
 * only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portfolio.graphiql", name = "enabled", havingValue = "true")
public class GraphiQlConfiguration implements WebMvcConfigurer {

    static final String PATH = "/graphiql";

    /** GraphiQL sets styles inline and its CSS embeds its fonts as data URLs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Resource PAGE = new ClassPathResource("graphiql/index.html");

    @Bean
    RouterFunction<ServerResponse> graphiQlPage() {
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .body(PAGE))
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/assets/**")
                .addResourceLocations("classpath:/graphiql/assets/")
                .setCacheControl(CacheControl.noCache());
        // versioned paths (the page names the versions), so they may be cached for good
        registry.addResourceHandler(PATH + "/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
    }
}
