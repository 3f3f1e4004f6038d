package org.yingzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yingzhi (影志): media asset manager for a video gazetteer. */
// users and tokens come from yingzhi.security (no generated in-memory user)
@SpringBootApplication(exclude = org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class YingzhiApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(YingzhiApplication.class);
        // a worker serves no HTTP: several can run on one machine without fighting over a port
        boolean worker = java.util.Arrays.stream(args).anyMatch(a -> a.equals("--yingzhi.role=worker"))
                || "worker".equals(System.getenv("YINGZHI_ROLE"));
        if (worker) {
            app.setDefaultProperties(java.util.Map.of("spring.main.web-application-type", "none"));
        }
        app.run(args);
    }
}
